import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

export type AttendanceSource = 'facilitator' | 'presence';

/** Whether a member was at a meeting: from room presence, or set by a facilitator (who has the last word). */
@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'meeting_id' }) meetingId: string;
  @UuidColumn({ name: 'member_id' }) memberId: string;
  @Column({ type: 'boolean' }) present: boolean;
  @Column({ type: 'varchar', length: 16 }) source: AttendanceSource;
  @InstantColumn({ name: 'recorded_at' }) recordedAt: Date;
}
