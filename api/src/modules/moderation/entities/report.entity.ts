import { Column, Entity } from 'typeorm';
import type { ReportAction, ReportCategory, ReportStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/**
 * A member's report of a message. The reporter is kept only so a repeat can be refused and the
 * reporter's own data exported; no answer or event ever names them.
 */
@Entity('reports')
export class ReportEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'message_id' }) messageId: string;
  @UuidColumn({ name: 'reporter_member_id', nullable: true }) reporterMemberId: string | null;
  @UuidColumn({ name: 'reported_member_id', nullable: true }) reportedMemberId: string | null;
  @Column({ type: 'varchar', length: 32 }) category: ReportCategory;
  @TextColumn({ name: 'note_sealed', nullable: true }) noteSealed: string | null;
  @Column({ type: 'varchar', length: 16 }) status: ReportStatus;
  @Column({ type: 'varchar', length: 16, nullable: true }) action: ReportAction | null;
  @TextColumn({ name: 'resolution_note_sealed', nullable: true }) resolutionNoteSealed: string | null;
  @UuidColumn({ name: 'resolved_by_member_id', nullable: true }) resolvedByMemberId: string | null;
  @InstantColumn({ name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
