import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Derives an independent 32-byte key for one purpose from DATA_KEY (HKDF-SHA-256). */
export function deriveKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `tryg:${purpose}`, 32));
}

/** SHA-256 of a high-entropy secret (session tokens): fine without a key. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Keyed hash for low-entropy values (recovery codes, names, addresses): useless without DATA_KEY. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export class DecryptionError extends Error {}

/**
 * Which DATA_KEY a value was made with, without revealing the key: 8 characters of an HMAC of a
 * fixed label. Stored beside keyed hashes and inside ciphertexts, so rotation knows what is left.
 */
export function keyIdOf(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('tryg:key-id', 'utf8').digest('base64url').slice(0, 8);
}

const KEY_ID = /^[A-Za-z0-9_-]{8}$/;

/** A sealed value's parts: `v1` (before key ids: key unknown) or `<version>.<keyId>.<nonce>.<body>`. */
export function parseSealed(sealed: string, prefix: 'v' | 'b'): { keyId: string | null; nonce: Buffer; body: Buffer } {
  const parts = sealed.split('.');
  let keyId: string | null = null;
  let nonceText: string | undefined;
  let bodyText: string | undefined;
  if (parts[0] === `${prefix}1` && parts.length === 3) [, nonceText, bodyText] = parts;
  else if (parts[0] === `${prefix}2` && parts.length === 4 && KEY_ID.test(parts[1])) [, keyId, nonceText, bodyText] = parts;
  else throw new DecryptionError('unknown ciphertext format');
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== 12 || body.length < 16) throw new DecryptionError('truncated ciphertext');
  return { keyId, nonce, body };
}

/** The key id a sealed value names; null for a value sealed before key ids (or not a sealed value). */
export function sealedKeyId(sealed: string): string | null {
  const match = /^[vb]2\.([A-Za-z0-9_-]{8})\./.exec(sealed);
  return match ? match[1] : null;
}

const NONCE_BYTES = 12;
/** Nonces drawn from the CSPRNG this many at a time: one randomBytes call per value was a measurable share of a send. */
const NONCES_PER_BLOCK = 256;
let nonceBlock = Buffer.alloc(0);
let nonceOffset = 0;

/**
 * A fresh random 96-bit nonce. Taken from a block of random bytes drawn at once; each part of a
 * block is handed out once, and a used block is never written again (the next is a new buffer).
 */
function nextNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > nonceBlock.length) {
    nonceBlock = randomBytes(NONCE_BYTES * NONCES_PER_BLOCK);
    nonceOffset = 0;
  }
  const nonce = nonceBlock.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. The additional data names where the value
 * lives (table, column, row, owner), so a ciphertext copied to another row refuses to decrypt.
 * Format: `v2.<keyId>.<nonce>.<ciphertext+tag>` (base64url), or `b2…` for bytes; the key id names
 * the DATA_KEY the purpose key was derived from.
 */
export function sealBuffer(key: Buffer, keyId: string, plaintext: Buffer, aad: string, prefix: 'v' | 'b'): string {
  const nonce = nextNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${prefix}2.${keyId}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/** Opens with `key` (the caller chose it from the value's key id). */
export function openBuffer(key: Buffer, sealed: string, aad: string, prefix: 'v' | 'b'): Buffer {
  const { nonce, body } = parseSealed(sealed, prefix);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new DecryptionError('ciphertext does not belong here or was changed');
  }
}

export function encrypt(key: Buffer, keyId: string, plaintext: string, aad: string): string {
  return sealBuffer(key, keyId, Buffer.from(plaintext, 'utf8'), aad, 'v');
}

export function decrypt(key: Buffer, sealed: string, aad: string): string {
  return openBuffer(key, sealed, aad, 'v').toString('utf8');
}

/** Base32 without look-alikes (no 0/O, 1/I): easy to read aloud or type from paper. */
export const READABLE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `groups` groups of `groupSize` readable characters, 5 random bits each, joined by '-'. */
export function readableCode(groups: number, groupSize = 4): string {
  const chars: string[] = [];
  const bytes = randomBytes(groups * groupSize);
  for (const byte of bytes) chars.push(READABLE_ALPHABET[byte & 31]);
  const out: string[] = [];
  for (let i = 0; i < groups; i++) out.push(chars.slice(i * groupSize, (i + 1) * groupSize).join(''));
  return out.join('-');
}

/** What a person typed → the canonical code: upper case, separators and spaces removed. */
export function normalizeReadableCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '');
}
