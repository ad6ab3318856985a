import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DecryptionError, deriveKey, hmacHex, openBuffer, parseSealed, sealBuffer } from '../../common/crypto';
import { type DataKey, type KeyRing, keyRingOf } from '../../common/key-ring';

/** The three MAC keys of one account's chain under one data key: they check links, they decrypt nothing. */
export interface ChainMacKeys {
  digest: Buffer;
  chain: Buffer;
  head: Buffer;
}

interface AccountKeys extends ChainMacKeys {
  seal: Buffer;
  attachment: Buffer;
}

const CACHE_LIMIT = 256;

/** The per-account base key of the incident log under one data key (HKDF), and its purpose keys. */
export function incidentLogKeys(dataKey: Buffer, accountId: string): AccountKeys {
  const base = deriveKey(dataKey, `incident-log:${accountId}`);
  return {
    seal: deriveKey(base, 'seal'),
    attachment: deriveKey(base, 'attachment'),
    digest: deriveKey(base, 'digest'),
    chain: deriveKey(base, 'chain'),
    head: deriveKey(base, 'head'),
  };
}

export function incidentContentAad(accountId: string, versionId: string): string {
  return `incident_versions.content:${versionId}:${accountId}`;
}

export function incidentAttachmentAad(accountId: string, attachmentId: string): string {
  return `incident_attachments.content:${attachmentId}:${accountId}`;
}

/**
 * The incident log's keys: one set per account, derived (HKDF) from DATA_KEY and the account id,
 * one key per purpose. AAD follows `<table>.<column>:<rowId>:<accountId>`, so a value moved to
 * another row or account refuses to decrypt. New values use DATA_KEY; values sealed under
 * DATA_KEY_PREVIOUS open during a rotation.
 *
 * Not DataCrypto's cache: that one keeps every purpose forever, and here a purpose is per account.
 */
@Injectable()
export class IncidentKeys {
  private readonly cache = new Map<string, AccountKeys>();
  readonly ring: KeyRing;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ring = keyRingOf(config);
  }

  private keysOf(accountId: string, dataKey: DataKey = this.ring.current): AccountKeys {
    const name = `${dataKey.id}:${accountId}`;
    let keys = this.cache.get(name);
    if (!keys) {
      keys = incidentLogKeys(dataKey.material, accountId);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(name, keys);
    }
    return keys;
  }

  /** The chain MAC keys under a stored key id (null: made before key ids); undefined when that data key is not configured. */
  macKeys(accountId: string, keyId: string | null): ChainMacKeys | undefined {
    const dataKey = this.ring.resolve(keyId);
    return dataKey ? this.keysOf(accountId, dataKey) : undefined;
  }

  get currentKeyId(): string {
    return this.ring.current.id;
  }

  sealContent(accountId: string, versionId: string, plaintext: string): string {
    return sealBuffer(this.keysOf(accountId).seal, this.ring.current.id, Buffer.from(plaintext, 'utf8'), incidentContentAad(accountId, versionId), 'v');
  }

  /** Throws DecryptionError when the value was changed, moved or sealed for someone else. */
  openContent(accountId: string, versionId: string, sealed: string): string {
    return this.open(accountId, sealed, incidentContentAad(accountId, versionId), 'v', 'seal').toString('utf8');
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

  /** AES-256-GCM over bytes: `b2.<keyId>.<nonce>.<ciphertext+tag>` in base64url, kept as text. */
  sealBytes(accountId: string, attachmentId: string, bytes: Buffer): string {
    return sealBuffer(this.keysOf(accountId).attachment, this.ring.current.id, bytes, incidentAttachmentAad(accountId, attachmentId), 'b');
  }

  openBytes(accountId: string, attachmentId: string, sealed: string): Buffer {
    return this.open(accountId, sealed, incidentAttachmentAad(accountId, attachmentId), 'b', 'attachment');
  }

  private open(accountId: string, sealed: string, aad: string, prefix: 'v' | 'b', purpose: 'seal' | 'attachment'): Buffer {
    const { keyId } = parseSealed(sealed, prefix);
    const candidates = keyId === null ? this.ring.all() : [this.ring.byId(keyId)].filter((k): k is DataKey => !!k);
    for (const dataKey of candidates) {
      try {
        return openBuffer(this.keysOf(accountId, dataKey)[purpose], sealed, aad, prefix);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
      }
    }
    throw new DecryptionError('ciphertext does not belong here, was changed or was sealed under another key');
  }
}

/** The DataCrypto purpose and AAD of a retired key's chain MAC keys (incident_chain_keys.keys_sealed). */
export const CHAIN_KEYS_PURPOSE = 'incident-chain-keys';

export function chainKeysAad(accountId: string, keyId: string): string {
  return `incident_chain_keys.keys_sealed:${accountId}:${keyId}`;
}

export function chainKeysToText(keys: ChainMacKeys): string {
  return JSON.stringify({ digest: keys.digest.toString('base64'), chain: keys.chain.toString('base64'), head: keys.head.toString('base64') });
}

export function chainKeysFromText(text: string): ChainMacKeys {
  const parsed = JSON.parse(text) as Record<keyof ChainMacKeys, string>;
  return { digest: Buffer.from(parsed.digest, 'base64'), chain: Buffer.from(parsed.chain, 'base64'), head: Buffer.from(parsed.head, 'base64') };
}
