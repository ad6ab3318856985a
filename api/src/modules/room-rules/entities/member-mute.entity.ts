import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** A member's current mute; it ends by itself at `mutedUntil` (compared with the clock at send time). */
@Entity('member_mutes')
export class MemberMuteEntity {
  @IdColumn('member_id') memberId: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @InstantColumn({ name: 'muted_until' }) mutedUntil: Date;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
