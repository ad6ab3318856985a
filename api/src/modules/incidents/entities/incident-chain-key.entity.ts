import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from '../../../database/columns';

/**
 * After a key rotation: one account's chain MAC keys under a retired data key (digest, link, head:
 * they check the links made then, whose hashes exports already carry, and decrypt nothing), sealed
 * under the current DATA_KEY. So the old key itself can be destroyed and old exports stay verifiable.
 */
@Entity('incident_chain_keys')
export class IncidentChainKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'account_id' }) accountId: string;
  @PrimaryColumn({ type: 'varchar', length: 8, name: 'key_id' }) keyId: string;
  /** JSON `{ digest, chain, head }` (base64), sealed: AAD `incident_chain_keys.keys_sealed:<accountId>:<keyId>`. */
  @TextColumn({ name: 'keys_sealed' }) keysSealed: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
