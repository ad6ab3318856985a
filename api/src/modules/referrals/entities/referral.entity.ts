import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

export type StoredReferralStatus = 'issued' | 'redeemed' | 'approved' | 'declined' | 'revoked';

/**
 * A coordinator's one-time code for one group. The code is kept only as a hash; the client
 * reference and the note are sealed (AES-256-GCM); keep-apart values only as keyed hashes.
 */
@Entity('referrals')
export class ReferralEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'coordinator_id', nullable: true }) coordinatorId: string | null;
  @Column({ type: 'varchar', length: 64, name: 'code_hash', unique: true }) codeHash: string;
  /** The data key the code was hashed with (a code cannot be re-hashed; null: before key ids). */
  @Column({ type: 'varchar', length: 8, name: 'code_key_id', nullable: true }) codeKeyId: string | null;
  /** `expired` is not stored: it is `issued` past `expiresAt`. */
  @Column({ type: 'varchar', length: 16 }) status: StoredReferralStatus;
  @TextColumn({ name: 'client_reference_sealed', nullable: true }) clientReferenceSealed: string | null;
  @Column({ type: 'varchar', length: 64, name: 'client_reference_hash', nullable: true }) clientReferenceHash: string | null;
  @TextColumn({ name: 'note_sealed', nullable: true }) noteSealed: string | null;
  /** JSON array of keyed hashes of normalised keep-apart references. */
  @TextColumn({ name: 'keep_apart_hashes' }) keepApartHashes: string;
  /** The keep-apart references themselves, sealed (JSON array), so a key rotation can re-make the hashes. */
  @TextColumn({ name: 'keep_apart_sealed', nullable: true }) keepApartSealed: string | null;
  @UuidColumn({ name: 'membership_id', nullable: true }) membershipId: string | null;
  /** Set when approval was refused for a keep-apart match, so the coordinator sees it. */
  @InstantColumn({ name: 'keep_apart_matched_at', nullable: true }) keepApartMatchedAt: Date | null;
  /**
   * The care loop, as the coordinator sees it: set by the care-loop feature when the client (who
   * opted in) is nudged about, kept current until they attend again. Counts and instants only.
   */
  @InstantColumn({ name: 'care_since', nullable: true }) careSince: Date | null;
  @Column({ type: 'integer', name: 'care_missed', nullable: true }) careMissed: number | null;
  @InstantColumn({ name: 'expires_at' }) expiresAt: Date;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
