import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** One of an account's ten one-time recovery codes, kept only as a keyed hash. */
@Entity('recovery_codes')
export class RecoveryCodeEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 64, name: 'code_hash' }) codeHash: string;
  @InstantColumn({ name: 'used_at', nullable: true }) usedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
