import { createHmac } from 'node:crypto';
import {
  type ChainHashes,
  type ChainHead,
  type ChainRow,
  GENESIS_HASH,
  headMac,
  linkHash,
  tombstoneDigest,
  verifyChain,
} from './incident-chain';
import type { IncidentVersionKind } from './entities/incident-version.entity';

const hmac = (key: string) => (text: string) => createHmac('sha256', key).update(text).digest('hex');
const hashes: ChainHashes = { digest: hmac('d'), link: hmac('l'), head: hmac('h') };
const E1 = '11111111-1111-4111-8111-111111111111';
const E2 = '22222222-2222-4222-8222-222222222222';

/** Builds a valid chain: content is the plaintext itself (`open` returns it). */
function build(steps: [string, IncidentVersionKind, string | null][]): { rows: ChainRow[]; head: ChainHead } {
  const rows: ChainRow[] = [];
  const versions = new Map<string, number>();
  let previous = GENESIS_HASH;
  for (const [index, [entryId, kind, content]] of steps.entries()) {
    const version = (versions.get(entryId) ?? 0) + 1;
    versions.set(entryId, version);
    const digest = kind === 'delete' ? tombstoneDigest(hashes, entryId, version) : hashes.digest(content ?? '');
    const link = {
      seq: index + 1,
      entryId,
      version,
      kind,
      digest,
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
    };
    const hash = linkHash(hashes, link, previous);
    rows.push({ ...link, id: `row-${index}`, content, hash });
    previous = hash;
  }
  const last = rows[rows.length - 1];
  const head = {
    versionCount: rows.length,
    headHash: previous,
    headEntryId: last?.entryId ?? null,
    headVersion: last?.version ?? null,
  };
  return { rows, head: { ...head, headMac: headMac(hashes, head) } };
}

const open = (row: ChainRow) => {
  if (row.content === 'UNDECRYPTABLE') throw new Error('no');
  return row.content ?? '';
};

describe(verifyChain.name, () => {
  it('holds for an empty log with or without an owner row', () => {
    expect(verifyChain(hashes, null, [], open)).toEqual({ intact: true, versions: 0, brokenAt: null });
  });

  it('holds for creates, edits and a deletion whose texts were erased', () => {
    const { rows, head } = build([
      [E1, 'create', 'a'],
      [E2, 'create', 'b'],
      [E1, 'edit', 'a2'],
      [E1, 'delete', null],
    ]);
    rows[0].content = null;
    rows[2].content = null;
    expect(verifyChain(hashes, head, rows, open)).toEqual({ intact: true, versions: 4, brokenAt: null });
  });

  it('breaks at a version whose text no longer matches its digest', () => {
    const { rows, head } = build([
      [E1, 'create', 'a'],
      [E2, 'create', 'b'],
    ]);
    rows[1].content = 'changed';
    expect(verifyChain(hashes, head, rows, open).brokenAt).toEqual({ entryId: E2, version: 1 });
  });

  it('breaks at a version that does not decrypt', () => {
    const { rows, head } = build([[E1, 'create', 'a']]);
    rows[0].content = 'UNDECRYPTABLE';
    expect(verifyChain(hashes, head, rows, open)).toEqual({
      intact: false,
      versions: 1,
      brokenAt: { entryId: E1, version: 1 },
    });
  });

  it('breaks where text was erased without a tombstone, and where an edit follows a deletion', () => {
    const erased = build([[E1, 'create', 'a']]);
    erased.rows[0].content = null;
    expect(verifyChain(hashes, erased.head, erased.rows, open).brokenAt).toEqual({ entryId: E1, version: 1 });
    const revived = build([
      [E1, 'create', 'a'],
      [E1, 'delete', null],
      [E1, 'edit', 'back'],
    ]);
    expect(verifyChain(hashes, revived.head, revived.rows, open).brokenAt).toEqual({ entryId: E1, version: 3 });
  });

  it('breaks at an invalid date instead of throwing', () => {
    const { rows, head } = build([[E1, 'create', 'a']]);
    rows[0].recordedAt = new Date('nonsense');
    expect(verifyChain(hashes, head, rows, open).intact).toBe(false);
  });

  it('breaks when the owner row is missing, counts more, or was rolled back without its MAC', () => {
    const { rows, head } = build([
      [E1, 'create', 'a'],
      [E2, 'create', 'b'],
    ]);
    expect(verifyChain(hashes, null, rows, open).brokenAt).toEqual({ entryId: E2, version: 1 });
    expect(verifyChain(hashes, head, rows.slice(0, 1), open).brokenAt).toEqual({ entryId: E2, version: 1 });
    const rolledBack = { ...head, versionCount: 1, headHash: rows[0].hash, headEntryId: E1, headVersion: 1 };
    expect(verifyChain(hashes, rolledBack, rows.slice(0, 1), open)).toEqual({
      intact: false,
      versions: 1,
      brokenAt: { entryId: E1, version: 1 },
    });
  });
});
