import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** One of an account's ten one-time recovery codes, kept only as a keyed hash. */
@Entity('recovery_codes')
export class RecoveryCodeEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 64, name: 'code_hash' }) codeHash: string;
  /** The data key the hash was made with (a code cannot be re-hashed until it is used; null: before key ids). */
  @Column({ type: 'varchar', length: 8, name: 'key_id', nullable: true }) keyId: string | null;
  @InstantColumn({ name: 'used_at', nullable: true }) usedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
