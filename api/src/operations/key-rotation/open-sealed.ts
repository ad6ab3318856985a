import { DecryptionError, openBuffer, sealedKeyId } from '../../common/crypto';
import type { DataKey, KeyRing } from '../../common/key-ring';
import type { Row, SealedColumn } from './sealed-data.registry';

/**
 * A registry value's plaintext under whichever configured key it names (a value without a key id:
 * any configured key); null when none opens it (changed, moved, or sealed under another key).
 */
export function openSealed(ring: KeyRing, entry: SealedColumn, row: Row, sealed: string): Buffer | null {
  const keyId = sealedKeyId(sealed);
  const candidates = keyId === null ? ring.all() : [ring.byId(keyId)].filter((k): k is DataKey => !!k);
  for (const dataKey of candidates) {
    try {
      return openBuffer(
        entry.cipherKey(dataKey.material, row),
        sealed,
        entry.aad(row),
        entry.format === 'text' ? 'v' : 'b',
      );
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
    }
  }
  return null;
}
