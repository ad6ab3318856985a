import type { EntityManager } from 'typeorm';
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

function newRegistry() {
  const crypto = new DataCrypto({ dataKey: Buffer.alloc(32, 1) } as AppConfig);
  const groups = {} as GroupsService;
  return { sut: new DisplayNameRegistry(crypto, groups, {} as WriteQueue, new Clock()), crypto };
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
});
