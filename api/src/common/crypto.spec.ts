import { randomBytes } from 'node:crypto';
import {
  constantTimeEqualHex,
  decrypt,
  DecryptionError,
  deriveKey,
  encrypt,
  hmacHex,
  keyIdOf,
  normalizeReadableCode,
  READABLE_ALPHABET,
  readableCode,
} from './crypto';
import { DataCrypto } from './data-crypto.service';
import type { AppConfig } from '../config/app-config';

const key = Buffer.alloc(32, 3);
const KEY_ID = keyIdOf(key);

/** Flips one bit of the base64url part `index` (2 = nonce, 3 = ciphertext+tag) of a sealed value. */
function flipBit(sealed: string, part: number, byte: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[byte] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('AES-256-GCM encryption at rest', () => {
  it('round-trips text, including non-ASCII and empty text', () => {
    for (const text of ['Han stod ved min dør igen kl. 18.00', 'æøå ÆØÅ — 🙂', '']) {
      expect(decrypt(key, encrypt(key, KEY_ID, text, 'incidents.description:row-1'), 'incidents.description:row-1')).toBe(text);
    }
  });

  it('uses a fresh 96-bit nonce per value, so equal texts do not look equal', () => {
    const a = encrypt(key, KEY_ID, 'same text', 'aad');
    const b = encrypt(key, KEY_ID, 'same text', 'aad');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2], 'base64url')).toHaveLength(12);
    expect(a.split('.').slice(0, 2)).toEqual(['v2', KEY_ID]);
    expect(a).not.toContain('same text');
  });

  it('never repeats a nonce across the blocks it draws them from (thousands of values)', () => {
    const nonces = Array.from({ length: 3000 }, () => encrypt(key, KEY_ID, 'x', 'aad').split('.')[2]);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64url')).toHaveLength(12);
  });

  it('refuses a ciphertext swapped between two rows (AADs) instead of returning the other row’s text', () => {
    const rowA = encrypt(key, KEY_ID, 'row A secret', 'referrals.note:a:account-1');
    const rowB = encrypt(key, KEY_ID, 'row B secret', 'referrals.note:b:account-2');
    expect(() => decrypt(key, rowA, 'referrals.note:b:account-2')).toThrow(DecryptionError);
    expect(() => decrypt(key, rowB, 'referrals.note:a:account-1')).toThrow(DecryptionError);
    // Same row, another owner or column: refused too.
    expect(() => decrypt(key, rowA, 'referrals.note:a:account-2')).toThrow(DecryptionError);
    expect(() => decrypt(key, rowA, 'referrals.other:a:account-1')).toThrow(DecryptionError);
    expect(decrypt(key, rowA, 'referrals.note:a:account-1')).toBe('row A secret');
  });

  it('refuses tampered bytes anywhere: nonce, ciphertext, tag, truncation, format', () => {
    const sealed = encrypt(key, KEY_ID, 'a longer secret text to tamper with', 'aad');
    const bodyLength = Buffer.from(sealed.split('.')[3], 'base64url').length;
    const tampered = [
      flipBit(sealed, 2, 0),
      flipBit(sealed, 3, 0),
      flipBit(sealed, 3, bodyLength - 1),
      sealed.slice(0, -4),
      sealed.replace(/^v2\./, 'v1.'),
      sealed.replace(/^v2\./, 'b2.'),
      sealed.split('.').slice(0, 3).join('.'),
      'not sealed at all',
    ];
    for (const value of tampered) expect(() => decrypt(key, value, 'aad')).toThrow(DecryptionError);
  });

  it('refuses a value sealed under another key', () => {
    const sealed = encrypt(key, KEY_ID, 'secret', 'aad');
    expect(() => decrypt(Buffer.alloc(32, 4), sealed, 'aad')).toThrow(DecryptionError);
  });
});

describe(DataCrypto.name, () => {
  const sut = new DataCrypto({ dataKey: randomBytes(32) } as AppConfig);

  it('seals per purpose: a value sealed for one purpose does not open under another', () => {
    const sealed = sut.seal('incident', 'text', 'incidents.body:1');
    expect(sut.open('incident', sealed, 'incidents.body:1')).toBe('text');
    expect(() => sut.open('notes', sealed, 'incidents.body:1')).toThrow(DecryptionError);
  });

  it('keys its hashes from DATA_KEY: another key gives another hash, one purpose differs from another', () => {
    const other = new DataCrypto({ dataKey: randomBytes(32) } as AppConfig);
    expect(sut.keyedHash('recovery-code', 'ABCD')).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.keyedHash('recovery-code', 'ABCD')).toBe(sut.keyedHash('recovery-code', 'ABCD'));
    expect(sut.keyedHash('recovery-code', 'ABCD')).not.toBe(other.keyedHash('recovery-code', 'ABCD'));
    expect(sut.keyedHash('recovery-code', 'ABCD')).not.toBe(sut.keyedHash('rate-limit', 'ABCD'));
  });
});

describe('key derivation and comparisons', () => {
  it('derives independent 32-byte keys per purpose', () => {
    const a = deriveKey(key, 'a');
    expect(a).toHaveLength(32);
    expect(a.equals(deriveKey(key, 'a'))).toBe(true);
    expect(a.equals(deriveKey(key, 'b'))).toBe(false);
    expect(a.equals(key)).toBe(false);
  });

  it('compares hex digests in constant time and refuses different lengths', () => {
    const h = hmacHex(key, 'x');
    expect(constantTimeEqualHex(h, h)).toBe(true);
    expect(constantTimeEqualHex(h, hmacHex(key, 'y'))).toBe(false);
    expect(constantTimeEqualHex(h, h.slice(0, 10))).toBe(false);
  });
});

describe('readable codes', () => {
  it('uses 32 characters without look-alikes (0/O, 1/I)', () => {
    expect(new Set(READABLE_ALPHABET).size).toBe(32);
    for (const c of '01OI') expect(READABLE_ALPHABET).not.toContain(c);
  });

  it('has the asked shape: groups of readable characters joined by dashes', () => {
    const allowed = `[${READABLE_ALPHABET}]`;
    expect(readableCode(3, 4)).toMatch(new RegExp(`^${allowed}{4}-${allowed}{4}-${allowed}{4}$`));
    expect(readableCode(2, 5)).toMatch(new RegExp(`^${allowed}{5}-${allowed}{5}$`));
  });

  it('draws every character uniformly (5 random bits each): all 32 appear, none far off its share, no repeats', () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    const samples = 4000;
    for (let i = 0; i < samples; i++) {
      const code = readableCode(3, 4);
      seen.add(code);
      for (const c of code.replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    // 60 bits per code: a repeat in 4000 draws would mean far less entropy than promised.
    expect(seen.size).toBe(samples);
    expect(counts.size).toBe(32);
    const expected = (samples * 12) / 32; // 1500 each
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(expected * 0.8);
      expect(n).toBeLessThan(expected * 1.2);
    }
  });

  it('normalises what a person typed: case, spaces and dashes do not matter', () => {
    expect(normalizeReadableCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
  });
});
