import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

export type MessageStatus = 'delivered' | 'held';
export type MessageRemoval = 'author' | 'facilitator';

/**
 * One chat message. The body, content warning and removal reason are sealed (AES-256-GCM) so a
 * copy of the database holds no conversation. `seq` is the group's total order.
 */
@Entity('messages')
export class MessageEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @Column({ type: 'integer' }) seq: number;
  /** Null once the author deleted their account ("former member"). */
  @UuidColumn({ name: 'member_id', nullable: true }) memberId: string | null;
  @UuidColumn({ name: 'client_message_id' }) clientMessageId: string;
  @TextColumn({ name: 'body_sealed', nullable: true }) bodySealed: string | null;
  @TextColumn({ name: 'content_warning_sealed', nullable: true }) contentWarningSealed: string | null;
  @Column({ type: 'varchar', length: 16 }) status: MessageStatus;
  @Column({ type: 'varchar', length: 16, nullable: true }) removed: MessageRemoval | null;
  @TextColumn({ name: 'removal_reason_sealed', nullable: true }) removalReasonSealed: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
