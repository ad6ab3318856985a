import { Column, Entity } from 'typeorm';
import type { ModerationLogAction } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/** One moderation action in a group. Append-only; the reason is sealed. */
@Entity('moderation_log')
export class ModerationLogEntryEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @Column({ type: 'varchar', length: 32 }) action: ModerationLogAction;
  @UuidColumn({ name: 'actor_member_id', nullable: true }) actorMemberId: string | null;
  @UuidColumn({ name: 'target_member_id', nullable: true }) targetMemberId: string | null;
  @UuidColumn({ name: 'message_id', nullable: true }) messageId: string | null;
  @TextColumn({ name: 'reason_sealed', nullable: true }) reasonSealed: string | null;
  /** JSON of ModerationLogDetails. */
  @TextColumn({ nullable: true }) details: string | null;
  @InstantColumn({ name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
