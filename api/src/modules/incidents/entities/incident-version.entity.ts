import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

export type IncidentVersionKind = 'create' | 'edit' | 'delete';

/**
 * One link of the chain, append-only: an entry's version, its sealed content and its place in the
 * account's chain (`seq`). Deleting an entry erases `content` of all its versions and appends a
 * `delete` version; `digest` and `hash` stay, so the chain still verifies.
 */
@Entity('incident_versions')
export class IncidentVersionEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  /** 1, 2, 3 … across the account's whole log. */
  @Column({ type: 'integer' }) seq: number;
  @UuidColumn({ name: 'entry_id' }) entryId: string;
  /** 1, 2, 3 … per entry. */
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 8 }) kind: IncidentVersionKind;
  /** AES-256-GCM under the account's log key; null once the entry is deleted. */
  @TextColumn({ nullable: true }) content: string | null;
  /** Keyed hash of the canonical content (or of the tombstone). */
  @Column({ type: 'varchar', length: 64 }) digest: string;
  /** The server's receipt time, covered by the hash. */
  @InstantColumn({ name: 'recorded_at' }) recordedAt: Date;
  @Column({ type: 'varchar', length: 64 }) hash: string;
  /** The data key `digest` and `hash` were made with; they are never re-made (exports print them). Null: before key ids. */
  @Column({ type: 'varchar', length: 8, name: 'key_id', nullable: true }) keyId: string | null;
}
