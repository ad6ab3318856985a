import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** An append-only security event: who did what to whom and when. Never a secret or free text. */
@Entity('audit_events')
export class AuditEventEntity {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 64 }) type: string;
  @UuidColumn({ name: 'actor_id', nullable: true }) actorId: string | null;
  @UuidColumn({ name: 'subject_id', nullable: true }) subjectId: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
