import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * The owner row of a participant's log: the head of its hash chain and how many versions it holds.
 * `headMac` binds count and head together under a key from DATA_KEY, so cutting the chain's tail
 * and pointing the head at an earlier (stored) hash does not go unnoticed.
 */
@Entity('incident_logs')
export class IncidentLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'account_id' }) accountId: string;
  @Column({ type: 'integer', name: 'version_count' }) versionCount: number;
  @Column({ type: 'varchar', length: 64, name: 'head_hash' }) headHash: string;
  @UuidColumn({ name: 'head_entry_id', nullable: true }) headEntryId: string | null;
  @Column({ type: 'integer', name: 'head_version', nullable: true }) headVersion: number | null;
  @Column({ type: 'varchar', length: 64, name: 'head_mac' }) headMac: string;
  /** The last bilag number handed out; numbers are never reused. */
  @Column({ type: 'integer', name: 'attachment_count', default: 0 }) attachmentCount: number;
  /** The data key `headMac` was made with (null: before key ids). */
  @Column({ type: 'varchar', length: 8, name: 'key_id', nullable: true }) keyId: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
