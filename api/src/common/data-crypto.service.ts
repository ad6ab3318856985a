import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DecryptionError, decrypt, deriveKey, encrypt, hmacHex, sealedKeyId } from './crypto';
import { type DataKey, type KeyRing, keyRingOf } from './key-ring';

/**
 * Encryption at rest and keyed hashes under keys derived from DATA_KEY, one key per purpose.
 * The AAD convention: `<table>.<column>:<rowId>` (plus `:<accountId>` for personal data).
 * New values use DATA_KEY; values made with DATA_KEY_PREVIOUS still open during a rotation
 * (api/src/operations/key-rotation/ lists every sealed column and keyed hash).
 */
@Injectable()
export class DataCrypto {
  private readonly keys = new Map<string, Buffer>();
  readonly ring: KeyRing;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ring = keyRingOf(config);
  }

  /** The purpose key derived from one data key (cached). */
  keyFor(dataKey: DataKey, purpose: string): Buffer {
    const name = `${dataKey.id}:${purpose}`;
    let key = this.keys.get(name);
    if (!key) {
      key = deriveKey(dataKey.material, purpose);
      this.keys.set(name, key);
    }
    return key;
  }

  key(purpose: string): Buffer {
    return this.keyFor(this.ring.current, purpose);
  }

  seal(purpose: string, plaintext: string, aad: string): string {
    return encrypt(this.key(`seal:${purpose}`), this.ring.current.id, plaintext, aad);
  }

  /** Throws DecryptionError when the value was moved, changed or sealed under a key not configured. */
  open(purpose: string, sealed: string, aad: string): string {
    const keyId = sealedKeyId(sealed);
    const candidates = keyId === null ? this.ring.all() : [this.ring.byId(keyId)].filter((k): k is DataKey => !!k);
    for (const dataKey of candidates) {
      try {
        return decrypt(this.keyFor(dataKey, `seal:${purpose}`), sealed, aad);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
      }
    }
    throw new DecryptionError('ciphertext does not belong here, was changed or was sealed under another key');
  }

  keyedHash(purpose: string, value: string): string {
    return hmacHex(this.key(`hash:${purpose}`), value);
  }

  /** The value's keyed hash under every configured key, current first: what a lookup matches during a rotation. */
  keyedHashes(purpose: string, value: string): string[] {
    return this.ring.all().map((dataKey) => hmacHex(this.keyFor(dataKey, `hash:${purpose}`), value));
  }
}
