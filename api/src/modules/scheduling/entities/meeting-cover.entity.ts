import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * A facilitator has taken a meeting (Facilitator cover). Kept here, beside the meeting, because
 * every meeting view says whether it is covered; taking and giving back is the cover feature's.
 * `memberId` is the facilitator's membership in the meeting's group.
 */
@Entity('meeting_covers')
export class MeetingCoverEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'meeting_id' }) meetingId: string;
  @UuidColumn({ name: 'member_id' }) memberId: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
