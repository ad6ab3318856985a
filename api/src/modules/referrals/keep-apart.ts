import { Injectable } from '@nestjs/common';
import { DataCrypto } from '../../common/data-crypto.service';
import { normalizeReference } from '../../common/text-folding';

/**
 * Keep-apart and client references are kept for matching only, as HMACs of their normalised
 * form under a key derived from DATA_KEY: a stolen database cannot be searched for a name or CPR
 * number without the key.
 */
@Injectable()
export class ReferenceHasher {
  constructor(private readonly crypto: DataCrypto) {}

  /** The hash kept for matching, under the current DATA_KEY. */
  hash(reference: string): string | null {
    const normalized = normalizeReference(reference);
    return normalized === '' ? null : this.crypto.keyedHash('person-reference', normalized);
  }

  hashAll(references: string[]): string[] {
    return [...new Set(references.map((r) => this.hash(r)).filter((h): h is string => h !== null))];
  }

  /**
   * What a match compares: the hashes under every configured key. During a key rotation stored
   * hashes are under either key, and a ban or keep-apart must not slip through the gap.
   */
  hashesUnderEveryKey(references: string[]): string[] {
    const normalized = references.map(normalizeReference).filter((r) => r !== '');
    return [...new Set(normalized.flatMap((r) => this.crypto.keyedHashes('person-reference', r)))];
  }
}

/** The keyed hashes two referrals are compared by (see ReferralsService.matchView). */
export interface KeepApartView {
  clientReferenceHashes: string[];
  keepApart: string[];
}

/** Two referrals must be kept apart when either one's client is on the other's keep-apart list. */
export function mustKeepApart(a: KeepApartView, b: KeepApartView): boolean {
  return a.clientReferenceHashes.some((h) => b.keepApart.includes(h)) || b.clientReferenceHashes.some((h) => a.keepApart.includes(h));
}
