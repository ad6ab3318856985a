import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * A ban outlives the banned account: the keyed hash of the client reference stops a later referral
 * of the same person to the group, and the account id stops it redeeming a code for it.
 */
@Entity('group_bans')
export class GroupBanEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'account_id', nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 64, name: 'client_reference_hash', nullable: true }) clientReferenceHash: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
