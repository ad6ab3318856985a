import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../database/columns';

/**
 * One secret calendar feed per account. Only the SHA-256 of the token is kept (it is 256 random
 * bits, so a plain hash is enough): a database copy does not give anyone the feed URL.
 */
@Entity('calendar_tokens')
export class CalendarTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
