import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** A member hides another member's messages for themselves. */
@Entity('member_ignores')
export class MemberIgnoreEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'member_id' }) memberId: string;
  @UuidColumn({ name: 'ignored_member_id' }) ignoredMemberId: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
