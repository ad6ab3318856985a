import type { EntityManager } from 'typeorm';
import { confusableKeys } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DataCrypto } from '../../common/data-crypto.service';
import type { AppConfig } from '../../config/app-config';
import type { GroupsService } from '../groups/groups.service';
import type { WriteQueue } from '../../common/write-queue';
import { DisplayNameRegistry } from './display-name-registry';

const GROUP_ID = '00000000-0000-4000-8000-000000000001';

/** A manager that answers from fixed rows and records every call it gets, by shape. */
function recordingManager(present: { id: string; displayName: string }[], reservedCount: number) {
  const calls: string[] = [];
  const builder = {
    leftJoin: () => (calls.push('leftJoin'), builder),
    where: (_sql: string, params: Record<string, unknown>) => (
      calls.push(`where ${Object.keys(params).join(',')}`),
      builder
    ),
    andWhere: () => (calls.push('andWhere'), builder),
    getCount: async () => (calls.push('getCount'), reservedCount),
  };
  const manager = {
    findOneBy: async () => (calls.push('find group'), { id: GROUP_ID, retentionDays: 180 }),
    find: async () => (calls.push('find memberships'), present),
    createQueryBuilder: () => (calls.push('createQueryBuilder'), builder),
  } as unknown as EntityManager;
  return { manager, calls };
}

const KEY_OLD = Buffer.alloc(32, 1);
const KEY_NEW = Buffer.alloc(32, 2);

function newRegistry(dataKey = KEY_OLD, dataKeyPrevious: Buffer | null = null) {
  const crypto = new DataCrypto({ dataKey, dataKeyPrevious } as AppConfig);
  const groups = {} as GroupsService;
  return { sut: new DisplayNameRegistry(crypto, groups, {} as WriteQueue, new Clock()), crypto };
}

/** Reservations as the table holds them; the count query matches `name_hash IN (:...hashes)` as SQL would. */
function reservationsManager(stored: { nameHash: string }[]) {
  const calls: string[] = [];
  let hashes: string[] = [];
  const builder = {
    leftJoin: () => (calls.push('leftJoin'), builder),
    where: (_sql: string, params: { hashes: string[] }) => ((hashes = params.hashes), calls.push('where'), builder),
    andWhere: () => (calls.push('andWhere'), builder),
    getCount: async () => (calls.push('getCount'), stored.filter((row) => hashes.includes(row.nameHash)).length),
  };
  const manager = {
    findOneBy: async () => (calls.push('find group'), { id: GROUP_ID, retentionDays: 180 }),
    find: async () => (calls.push('find memberships'), []),
    createQueryBuilder: () => (calls.push('createQueryBuilder'), builder),
  } as unknown as EntityManager;
  return { manager, calls, lookedUp: () => hashes };
}

async function reserve(sut: DisplayNameRegistry, displayName: string): Promise<{ nameHash: string; keyId: string }[]> {
  const inserted: { nameHash: string; keyId: string }[] = [];
  const manager = {
    insert: async (_entity: unknown, rows: { nameHash: string; keyId: string }[]) => void inserted.push(...rows),
  } as unknown as EntityManager;
  await sut.reserveIn(manager, { id: 'm9', groupId: GROUP_ID, displayName }, false);
  return inserted;
}

describe(DisplayNameRegistry.name, () => {
  const present = [
    { id: 'm1', displayName: 'Mette' },
    { id: 'm2', displayName: 'Anna K' },
    { id: 'm3', displayName: 'Bo' },
  ];
  const check = (sut: DisplayNameRegistry, manager: EntityManager, displayName: string) =>
    sut.assertAvailable(manager, { groupId: GROUP_ID, displayName, accountId: 'a1', exceptMembershipId: 'me' }).then(
      () => null,
      (error: Error) => error,
    );

  it('does the same work for a free, a taken and a reserved name, and refuses the last two alike', async () => {
    const { sut } = newRegistry();
    const free = recordingManager(present, 0);
    const taken = recordingManager(present, 0);
    const reserved = recordingManager(present, 1);

    const answers = [
      await check(sut, free.manager, 'Lise'),
      await check(sut, taken.manager, 'anna-k'),
      await check(sut, reserved.manager, 'Lise'),
    ];

    expect(answers[0]).toBeNull();
    expect(answers[1]).toMatchObject({ code: 'CONFLICT' });
    expect(answers[2]).toEqual(answers[1]);
    expect(taken.calls).toEqual(free.calls);
    expect(reserved.calls).toEqual(free.calls);
    expect(free.calls).toContain('getCount');
  });

  it('lets a member keep a variant of their own name', async () => {
    const { sut } = newRegistry();
    const { manager } = recordingManager(present, 0);
    expect(
      await sut.assertAvailable(manager, {
        groupId: GROUP_ID,
        displayName: 'BO',
        accountId: 'a3',
        exceptMembershipId: 'm3',
      }),
    ).toBeUndefined();
  });

  it('reserves a departed name as keyed hashes of group and key, with no name in them', async () => {
    const { sut, crypto } = newRegistry();
    const inserted: unknown[] = [];
    const manager = {
      insert: async (_entity: unknown, rows: unknown[]) => void inserted.push(...rows),
    } as unknown as EntityManager;
    await sut.reserveIn(manager, { id: 'm9', groupId: GROUP_ID, displayName: 'Ian' }, false);
    // "Ian" has two keys: "ian" (case folded first) and "lan" (capital I looks like l).
    expect(inserted).toEqual([
      expect.objectContaining({
        groupId: GROUP_ID,
        membershipId: null,
        nameHash: crypto.keyedHash('display-name', `${GROUP_ID}:ian`),
      }),
      expect.objectContaining({
        groupId: GROUP_ID,
        membershipId: null,
        nameHash: crypto.keyedHash('display-name', `${GROUP_ID}:lan`),
      }),
    ]);
    expect(JSON.stringify(inserted)).not.toMatch(/ian|lan/i);
  });

  it('records the key a reservation was hashed with', async () => {
    const { sut, crypto } = newRegistry();
    const rows = await reserve(sut, 'Ian');
    expect(rows.map((row) => row.keyId)).toEqual([crypto.ring.current.id, crypto.ring.current.id]);
  });

  it('keeps a name reserved before a key rotation reserved during it, with the same work as a free name', async () => {
    const before = newRegistry(KEY_OLD);
    const stored = await reserve(before.sut, 'Ian');
    const rotating = newRegistry(KEY_NEW, KEY_OLD);
    const check = (manager: EntityManager, displayName: string) =>
      rotating.sut.assertAvailable(manager, { groupId: GROUP_ID, displayName, accountId: 'a1' }).then(
        () => null,
        (error: Error) => error,
      );

    const reserved = reservationsManager(stored);
    const free = reservationsManager(stored);
    expect(await check(reserved.manager, 'ian')).toMatchObject({ code: 'CONFLICT' });
    expect(await check(free.manager, 'Lise')).toBeNull();
    expect(reserved.calls).toEqual(free.calls);
    // Each of the name's comparison keys under both keys: the count depends on the name, not on its state.
    expect(reserved.lookedUp()).toHaveLength(2 * confusableKeys('ian').length);
    expect(free.lookedUp()).toHaveLength(2 * confusableKeys('Lise').length);
    expect(reserved.lookedUp()).toEqual(expect.arrayContaining([stored[0].nameHash]));
    // A name reserved under the new key is found too.
    const after = await reserve(rotating.sut, 'Lise');
    expect(await check(reservationsManager(after).manager, 'LISE')).toMatchObject({ code: 'CONFLICT' });
  });

  it('no longer finds an old-key reservation once that key is gone (so --status keeps the key needed until it expires)', async () => {
    const stored = await reserve(newRegistry(KEY_OLD).sut, 'Ian');
    const { sut } = newRegistry(KEY_NEW);
    const { manager } = reservationsManager(stored);
    await expect(
      sut.assertAvailable(manager, { groupId: GROUP_ID, displayName: 'Ian', accountId: 'a1' }),
    ).resolves.toBeUndefined();
  });
});
