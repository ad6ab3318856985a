import type { IncidentVerification } from '@tryg/shared';
import { constantTimeEqualHex } from '../../common/crypto';
import { canonicalJson } from './incident-content';
import type { IncidentVersionKind } from './entities/incident-version.entity';

/** The "previous hash" of the first version. */
export const GENESIS_HASH = '0'.repeat(64);

/** The keyed hashes the chain is built from (per account, from DATA_KEY; see IncidentKeys). */
export interface ChainHashes {
  digest(canonical: string): string;
  link(canonical: string): string;
  head(canonical: string): string;
}

export interface ChainLink {
  seq: number;
  entryId: string;
  version: number;
  kind: IncidentVersionKind;
  digest: string;
  recordedAt: Date;
}

export interface ChainRow extends ChainLink {
  id: string;
  content: string | null;
  hash: string;
  /** The data key the digest and link were made with (null: before key ids; absent: one key). */
  keyId?: string | null;
}

/** The chain's MAC keys under a stored key id; null when they are not at hand (the link then counts as broken). */
export type ChainHashesByKey = (keyId: string | null) => ChainHashes | null;

export interface ChainHead {
  versionCount: number;
  headHash: string;
  headEntryId: string | null;
  headVersion: number | null;
  headMac: string;
  keyId?: string | null;
}

/** HMAC over the version's content digest, its place, the server's receipt time and the previous hash. */
export function linkHash(hashes: ChainHashes, link: ChainLink, previousHash: string): string {
  return hashes.link(
    canonicalJson({
      seq: link.seq,
      entryId: link.entryId,
      version: link.version,
      kind: link.kind,
      digest: link.digest,
      recordedAt: link.recordedAt.toISOString(),
      previousHash,
    }),
  );
}

/** Binds the owner row's count and head, so neither can be rolled back to an earlier stored state unseen. */
export function headMac(hashes: ChainHashes, head: Omit<ChainHead, 'headMac'>): string {
  return hashes.head(
    canonicalJson({
      versionCount: head.versionCount,
      headHash: head.headHash,
      headEntryId: head.headEntryId,
      headVersion: head.headVersion,
    }),
  );
}

/** A deleted entry's last link: no text, only the fact that this entry's version was deleted. */
export function tombstoneDigest(hashes: ChainHashes, entryId: string, version: number): string {
  return hashes.digest(canonicalJson({ deleted: true, entryId, version }));
}

const NO_ENTRY = '00000000-0000-0000-0000-000000000000';

/**
 * Walks the chain in `seq` order and reports the first version that does not hold: a gap in the
 * sequence, a version out of order, a value that fails to decrypt or does not match its digest,
 * text erased without a tombstone, a hash that does not follow from the previous one; then the
 * owner row: count, head and its MAC (a truncated tail).
 * `open` returns a version's plaintext or throws (any error counts as broken, never a 500).
 */
export function verifyChain(
  hashes: ChainHashes | ChainHashesByKey,
  head: ChainHead | null,
  rows: ChainRow[],
  open: (row: ChainRow) => string,
): IncidentVerification {
  // Each link is checked under the key it was made with: MACs already printed in exports stay valid after a rotation.
  const hashesOf: ChainHashesByKey = typeof hashes === 'function' ? hashes : () => hashes;
  const versions = rows.length;
  const broken = (entryId: string, version: number): IncidentVerification => ({
    intact: false,
    versions,
    brokenAt: { entryId, version },
  });
  const deletedEntries = new Set(rows.filter((row) => row.kind === 'delete').map((row) => row.entryId));
  const lastVersion = new Map<string, { version: number; deleted: boolean }>();
  let previous = GENESIS_HASH;

  for (const [index, row] of rows.entries()) {
    let holds: boolean;
    try {
      const rowHashes = hashesOf(row.keyId ?? null);
      holds = rowHashes !== null && linkHolds(rowHashes, row, index, previous, lastVersion.get(row.entryId), deletedEntries, open);
    } catch {
      // A garbled value (a date that is not one, text in a number column) is a break, not a 500.
      holds = false;
    }
    if (!holds) return broken(row.entryId, row.version);
    previous = row.hash;
    lastVersion.set(row.entryId, { version: row.version, deleted: row.kind === 'delete' });
  }

  if (!head)
    return rows.length === 0
      ? { intact: true, versions, brokenAt: null }
      : broken(rows[rows.length - 1].entryId, rows[rows.length - 1].version);
  const headHashes = hashesOf(head.keyId ?? null);
  const headHolds =
    headHashes !== null &&
    head.versionCount === rows.length &&
    safeEqual(head.headHash, previous) &&
    safeEqual(head.headMac, headMac(headHashes, head)) &&
    (rows.length === 0 ||
      (head.headEntryId === rows[rows.length - 1].entryId && head.headVersion === rows[rows.length - 1].version));
  if (headHolds) return { intact: true, versions, brokenAt: null };
  // The tail is missing or the owner row was changed: the head names the last version it should reach.
  if (head.headEntryId && head.headVersion) return broken(head.headEntryId, head.headVersion);
  const last = rows[rows.length - 1];
  return last ? broken(last.entryId, last.version) : broken(NO_ENTRY, 0);
}

function linkHolds(
  hashes: ChainHashes,
  row: ChainRow,
  index: number,
  previous: string,
  before: { version: number; deleted: boolean } | undefined,
  deletedEntries: Set<string>,
  open: (row: ChainRow) => string,
): boolean {
  if (row.seq !== index + 1) return false;
  if (before?.deleted || row.version !== (before?.version ?? 0) + 1 || (row.kind === 'create') !== (row.version === 1))
    return false;
  if (row.kind === 'delete') {
    if (row.content !== null || !safeEqual(row.digest, tombstoneDigest(hashes, row.entryId, row.version))) return false;
  } else if (row.content === null) {
    // Text may only be missing once its entry was deleted (the tombstone comes later in the chain).
    if (!deletedEntries.has(row.entryId)) return false;
  } else if (row.kind !== 'create' && row.kind !== 'edit') {
    return false;
  } else if (!safeEqual(row.digest, hashes.digest(open(row)))) {
    return false;
  }
  return safeEqual(row.hash, linkHash(hashes, row, previous));
}

function safeEqual(a: string, b: string): boolean {
  return /^[0-9a-f]{64}$/.test(a) && constantTimeEqualHex(a, b);
}
