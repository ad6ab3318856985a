import { expectConsistentOnceSeen, type Sender, startLoad, type StoredRow } from '../support/chat-load';
import { openSendingRooms } from '../support/fault-rooms';
import { createGroupFixture } from '../support/groups';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { describeWithRedis, startRedis, type TestRedis } from '../support/services';
import { eventually } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/**
 * Redis goes away under chat load on two instances and comes back. While an instance cannot hear
 * the others it refuses sends (UNAVAILABLE) and changes (503) rather than act on stale rules; no
 * socket gets a message twice or misses one while it is connected; when Redis is back every
 * instance drops its connections (the clients redial, "reconnecting"), and each client, catching up
 * and resending what was not acknowledged, ends with the room's gap-free sequence.
 */
describeWithRedis('Redis going away and coming back, two instances (PostgreSQL)', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let admin: Client;
  let senders: Sender[];
  const rows = async () =>
    (await a.dataSource.query(
      'SELECT id, group_id AS "groupId", seq, member_id AS "memberId", client_message_id AS "clientMessageId" FROM messages',
    )) as StoredRow[];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startRedis();
    a = await startTestApp({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url } });
    b = await startTestApp({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url } });
    admin = await signInAdmin(a);
    senders = await openSendingRooms(a, admin, 1, 4);
  }, 90_000);
  afterAll(async () => {
    for (const sender of senders ?? []) sender.close();
    await a?.close();
    await b?.close();
    await redis?.remove();
    await db?.drop();
  });

  it('refuses while cut off, delivers nothing twice and loses nothing, and every client catches up', async () => {
    // Half the senders on each instance.
    for (const [i, sender] of senders.entries()) await sender.connect(i % 2 === 0 ? a : b);
    const stop = startLoad(senders, 300);
    await new Promise((r) => setTimeout(r, 1000));

    await redis.stop();
    // Cut off: both instances refuse what depends on the others.
    const fixture = await createGroupFixture(a, admin).catch(() => null);
    expect(fixture).toBeNull();
    await eventually(() => senders.some((s) => [...s.refused.values()].includes('UNAVAILABLE')), 5000);
    const room = senders[0].groupId;
    const edit = await admin.patch(`/groups/${room}`, { description: 'Ændret under afbrydelsen' });
    expect([edit.status, edit.body.code]).toEqual([503, 'UNAVAILABLE']);

    await redis.start();
    // Back in contact: each instance drops its connections so the clients redial and catch up.
    await eventually(() => senders.every((s) => s.disconnects.length > 0), 10_000);
    await stop();
    for (const sender of senders) expect(sender.disconnects).toEqual(['transport close']);
    // The refused change changed nothing.
    expect((await admin.get(`/groups/${room}`)).body.description).not.toBe('Ændret under afbrydelsen');
    expect(new Set(senders.flatMap((s) => [...s.refused.values()]))).toEqual(new Set(['UNAVAILABLE']));

    // No socket got a message twice; while connected, each got every message of the room from its first on.
    const stored = (await rows()).sort((x, y) => x.seq - y.seq);
    for (const sender of senders) {
      const ids = sender.deliveries.map((d) => d.id);
      expect([sender.name, ids.length]).toEqual([sender.name, new Set(ids).size]);
      const seqs = sender.deliveries.map((d) => d.seq);
      const first = seqs[0];
      const last = seqs.at(-1);
      if (first === undefined || last === undefined) continue;
      expect([sender.name, seqs]).toEqual([sender.name, stored.filter((r) => r.seq >= first && r.seq <= last).map((r) => r.seq)]);
    }

    await eventually(async () => {
      try {
        for (const [i, sender] of senders.entries()) await sender.connect(i % 2 === 0 ? a : b);
        return true;
      } catch {
        return false;
      }
    }, 10_000);
    for (const sender of senders) await sender.resendUnacknowledged();
    await expectConsistentOnceSeen(senders, await rows());
    // Changes work again once both hear each other.
    expect((await admin.patch(`/groups/${room}`, { description: 'Efter afbrydelsen' })).status).toBe(200);
  }, 90_000);
});
