import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * Two members hidden from each other while a "I think I know this person" alert is open
 * (written and deleted with the alert, by moderation's safety feature).
 */
@Entity('member_hides')
export class MemberHideEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'first_member_id' }) firstMemberId: string;
  @UuidColumn({ name: 'second_member_id' }) secondMemberId: string;
  /** The safety alert that caused it; resolving the alert lifts it. */
  @UuidColumn({ name: 'alert_id' }) alertId: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
