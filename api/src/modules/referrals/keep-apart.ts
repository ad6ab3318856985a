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

  hash(reference: string): string | null {
    const normalized = normalizeReference(reference);
    return normalized === '' ? null : this.crypto.keyedHash('person-reference', normalized);
  }

  hashAll(references: string[]): string[] {
    return [...new Set(references.map((r) => this.hash(r)).filter((h): h is string => h !== null))];
  }
}

/** Two referrals must be kept apart when either one's client is on the other's keep-apart list. */
export function mustKeepApart(
  a: { clientReferenceHash: string | null; keepApart: string[] },
  b: { clientReferenceHash: string | null; keepApart: string[] },
): boolean {
  return (
    (a.clientReferenceHash !== null && b.keepApart.includes(a.clientReferenceHash)) ||
    (b.clientReferenceHash !== null && a.keepApart.includes(b.clientReferenceHash))
  );
}
