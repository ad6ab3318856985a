import { Column, Entity } from 'typeorm';
import type { ClientStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

/**
 * A coordinator's case record for one client. The reference is sealed; its keyed hash (the same
 * one referrals keep) makes it unique and links referrals without plain text at rest.
 */
@Entity('client_cases')
export class ClientCaseEntity {
  @IdColumn() id: string;
  @TextColumn({ name: 'reference_sealed' }) referenceSealed: string;
  @Column({ type: 'varchar', length: 64, name: 'reference_hash', unique: true }) referenceHash: string;
  @Column({ type: 'varchar', length: 16 }) status: ClientStatus;
  @Column({ type: 'varchar', length: 10, name: 'next_review_on', nullable: true }) nextReviewOn: string | null;
  /** The review date a reminder went out for, so each date reminds once. */
  @Column({ type: 'varchar', length: 10, name: 'review_reminded_on', nullable: true }) reviewRemindedOn: string | null;
  /** Retention counts from here: the case is deleted CASE_RETENTION_DAYS after closing. */
  @InstantColumn({ name: 'closed_at', nullable: true }) closedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
