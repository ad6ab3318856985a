import { Column, Entity } from 'typeorm';
import type { MemberRole, MembershipStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * One person in one group. Its id is the `memberId` others see; a pseudonym per membership means
 * two groups cannot be linked to the same person (PRODUCT.md threat 2).
 */
@Entity('memberships')
export class MembershipEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 16 }) role: MemberRole;
  @Column({ type: 'varchar', length: 16 }) status: MembershipStatus;
  @Column({ type: 'varchar', length: 32, name: 'display_name' }) displayName: string;
  @Column({ type: 'boolean', name: 'show_group_name' }) showGroupName: boolean;
  /** The member's opt-in to the care loop (off by default); only they can change it. */
  @Column({ type: 'boolean', name: 'care_loop' }) careLoop: boolean;
  /** When the referring coordinator was told; cleared once the member has attended again. */
  @InstantColumn({ name: 'care_loop_sent_at', nullable: true }) careLoopSentAt: Date | null;
  @InstantColumn({ name: 'approved_at', nullable: true }) approvedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
