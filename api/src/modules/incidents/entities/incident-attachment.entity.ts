import { Column, Entity } from 'typeorm';
import type { IncidentAttachmentType } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/**
 * A file kept as evidence (bilag). The bytes are sealed (AES-256-GCM, base64url) in the database,
 * so one backup holds everything and several API instances share it; the original file name is not
 * kept (it may name people).
 */
@Entity('incident_attachments')
export class IncidentAttachmentEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @UuidColumn({ name: 'entry_id' }) entryId: string;
  @Column({ type: 'integer' }) bilag: number;
  @Column({ type: 'varchar', length: 32, name: 'mime_type' }) mimeType: IncidentAttachmentType;
  @Column({ type: 'integer' }) size: number;
  @TextColumn() content: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
