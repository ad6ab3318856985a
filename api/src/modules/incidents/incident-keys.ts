import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DecryptionError, decrypt, deriveKey, encrypt, hmacHex } from '../../common/crypto';

interface AccountKeys {
  seal: Buffer;
  attachment: Buffer;
  digest: Buffer;
  chain: Buffer;
  head: Buffer;
}

const CACHE_LIMIT = 256;
const BYTES_VERSION = 'b1';

/**
 * The incident log's keys: one set per account, derived (HKDF) from DATA_KEY and the account id,
 * one key per purpose. AAD follows `<table>.<column>:<rowId>:<accountId>`, so a value moved to
 * another row or account refuses to decrypt.
 *
 * Not DataCrypto's cache: that one keeps every purpose forever, and here a purpose is per account.
 */
@Injectable()
export class IncidentKeys {
  private readonly cache = new Map<string, AccountKeys>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private keysOf(accountId: string): AccountKeys {
    let keys = this.cache.get(accountId);
    if (!keys) {
      const base = deriveKey(this.config.dataKey, `incident-log:${accountId}`);
      keys = {
        seal: deriveKey(base, 'seal'),
        attachment: deriveKey(base, 'attachment'),
        digest: deriveKey(base, 'digest'),
        chain: deriveKey(base, 'chain'),
        head: deriveKey(base, 'head'),
      };
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(accountId, keys);
    }
    return keys;
  }

  sealContent(accountId: string, versionId: string, plaintext: string): string {
    return encrypt(this.keysOf(accountId).seal, plaintext, contentAad(accountId, versionId));
  }

  /** Throws DecryptionError when the value was changed, moved or sealed for someone else. */
  openContent(accountId: string, versionId: string, sealed: string): string {
    return decrypt(this.keysOf(accountId).seal, sealed, contentAad(accountId, versionId));
  }

  /** Keyed, so a digest kept after deletion cannot be used to confirm a guess of the erased text. */
  digest(accountId: string, canonical: string): string {
    return hmacHex(this.keysOf(accountId).digest, canonical);
  }

  link(accountId: string, canonical: string): string {
    return hmacHex(this.keysOf(accountId).chain, canonical);
  }

  head(accountId: string, canonical: string): string {
    return hmacHex(this.keysOf(accountId).head, canonical);
  }

  /** AES-256-GCM over bytes: `b1.<nonce>.<ciphertext+tag>` in base64url, kept as text. */
  sealBytes(accountId: string, attachmentId: string, bytes: Buffer): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keysOf(accountId).attachment, nonce);
    cipher.setAAD(Buffer.from(attachmentAad(accountId, attachmentId), 'utf8'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
    return `${BYTES_VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  openBytes(accountId: string, attachmentId: string, sealed: string): Buffer {
    const [version, nonceText, bodyText] = sealed.split('.');
    if (version !== BYTES_VERSION || !nonceText || !bodyText) throw new DecryptionError('unknown ciphertext format');
    const nonce = Buffer.from(nonceText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (nonce.length !== 12 || body.length < 16) throw new DecryptionError('truncated ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keysOf(accountId).attachment, nonce);
      decipher.setAAD(Buffer.from(attachmentAad(accountId, attachmentId), 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
    } catch {
      throw new DecryptionError('ciphertext does not belong here or was changed');
    }
  }
}

function contentAad(accountId: string, versionId: string): string {
  return `incident_versions.content:${versionId}:${accountId}`;
}

function attachmentAad(accountId: string, attachmentId: string): string {
  return `incident_attachments.content:${attachmentId}:${accountId}`;
}
