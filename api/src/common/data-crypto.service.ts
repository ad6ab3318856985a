import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { decrypt, deriveKey, encrypt, hmacHex } from './crypto';

/**
 * Encryption at rest and keyed hashes under keys derived from DATA_KEY, one key per purpose.
 * The AAD convention: `<table>.<column>:<rowId>` (plus `:<accountId>` for personal data).
 */
@Injectable()
export class DataCrypto {
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  key(purpose: string): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = deriveKey(this.config.dataKey, purpose);
      this.keys.set(purpose, key);
    }
    return key;
  }

  seal(purpose: string, plaintext: string, aad: string): string {
    return encrypt(this.key(`seal:${purpose}`), plaintext, aad);
  }

  /** Throws DecryptionError when the value was moved, changed or sealed under another key. */
  open(purpose: string, sealed: string, aad: string): string {
    return decrypt(this.key(`seal:${purpose}`), sealed, aad);
  }

  keyedHash(purpose: string, value: string): string {
    return hmacHex(this.key(`hash:${purpose}`), value);
  }
}
