import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** A signed-in device. Only the SHA-256 of the cookie token is kept; `id` is neither. */
@Entity('sessions')
export class SessionEntity {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'last_seen_at' }) lastSeenAt: Date;
  /** Absolute end (12 hours after sign-in), whatever the activity. */
  @InstantColumn({ name: 'expires_at' }) expiresAt: Date;
}
