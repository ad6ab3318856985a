import { Column, Entity } from 'typeorm';
import type { SafetyAlertKind, SafetyAlertStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/**
 * A private alert to the group's facilitators, kept until one of them resolves it. An open
 * `knows-member` alert hides its sender from the member it is about.
 */
@Entity('safety_alerts')
export class SafetyAlertEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @Column({ type: 'varchar', length: 32 }) kind: SafetyAlertKind;
  @UuidColumn({ name: 'from_member_id', nullable: true }) fromMemberId: string | null;
  @UuidColumn({ name: 'about_member_id', nullable: true }) aboutMemberId: string | null;
  @UuidColumn({ name: 'message_id', nullable: true }) messageId: string | null;
  @Column({ type: 'varchar', length: 16 }) status: SafetyAlertStatus;
  @TextColumn({ name: 'resolution_note_sealed', nullable: true }) resolutionNoteSealed: string | null;
  @UuidColumn({ name: 'resolved_by_member_id', nullable: true }) resolvedByMemberId: string | null;
  @InstantColumn({ name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
