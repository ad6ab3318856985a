import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * The name of someone who left a group, kept so nobody can take it and pass for them while their
 * messages are still there (the group's retention period). Only a keyed hash of the name's
 * comparison key and the group is kept: a stolen database holds no name, and the same name in
 * two groups gives two unrelated hashes.
 */
@Entity('display_name_reservations')
export class DisplayNameReservationEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @Column({ type: 'varchar', length: 64, name: 'name_hash' }) nameHash: string;
  /** The DATA_KEY the hash was made with (null: the only key there was); see the key-rotation registry. */
  @Column({ type: 'varchar', length: 8, name: 'key_id', nullable: true }) keyId: string | null;
  /** The departed membership, so its owner may take the name again on return; null once the account is deleted. */
  @UuidColumn({ name: 'membership_id', nullable: true }) membershipId: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
