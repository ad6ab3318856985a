import { Column, Entity } from 'typeorm';
import type { NotificationKind } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** An in-app notification, its neutral text rendered once in the account's language. */
@Entity('notifications')
export class NotificationEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 32 }) kind: NotificationKind;
  /** Empty for a kind whose text is rendered when read (see notification-late-text.ts). */
  @Column({ type: 'text' }) text: string;
  /** For a kind rendered when read: the ids it speaks of, as JSON (never the text itself). */
  @Column({ type: 'text', nullable: true }) params: string | null;
  /** Makes a notification idempotent (e.g. one 24 h reminder per meeting, member and start time). */
  @Column({ type: 'varchar', length: 200, name: 'dedupe_key', nullable: true, unique: true }) dedupeKey: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'read_at', nullable: true }) readAt: Date | null;
}
