import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DataCrypto } from '../../common/data-crypto.service';
import { WriteQueue } from '../../common/write-queue';
import type { AppConfig } from '../../config/app-config';
import { MIGRATIONS } from '../../database/migrations';
import { sqliteConnection } from '../../database/sqlite-connection';
import { ChatRefusal } from './chat-refusal';
import type { MessageEntity } from './entities/message.entity';
import { MessageSealing } from './message-sealing';
import { SQLITE_MESSAGE_COLUMNS, SqliteMessageStore } from './sqlite-message-store';
import { MessageWriter, type NewMessage } from './message-writer';

/*
 * The SQLite message store and the writer above it, on a real (in-memory) database with the app's
 * own migrations: numbers in order without gaps, a client id stored exactly once, and a batch that
 * fails leaves nothing behind, acknowledges nothing, and does not stop the writes after it.
 */

const groupA = '00000000-0000-4000-8000-00000000000a';
const groupB = '00000000-0000-4000-8000-00000000000b';
const member = '00000000-0000-4000-8000-0000000000e1';

function row(groupId: string, clientMessageId: string = randomUUID(), memberId = member): MessageEntity {
  const now = new Date('2026-12-06T19:00:00.000Z');
  return {
    id: randomUUID(),
    groupId,
    seq: 0,
    memberId,
    clientMessageId,
    bodySealed: 'v2.sealed',
    contentWarningSealed: null,
    status: 'delivered',
    removed: null,
    removalReasonSealed: null,
    createdAt: now,
    updatedAt: now,
  };
}

describe(SqliteMessageStore.name, () => {
  let dataSource: DataSource;
  let writes: WriteQueue;
  let sut: SqliteMessageStore;
  const stored = () =>
    dataSource.query('SELECT id, group_id AS groupId, seq, client_message_id AS clientMessageId FROM messages ORDER BY group_id, seq') as Promise<
      Array<{ id: string; groupId: string; seq: number; clientMessageId: string }>
    >;
  const counter = async (groupId: string) =>
    ((await dataSource.query('SELECT last_seq FROM room_counters WHERE group_id = ?', [groupId])) as Array<{ last_seq: number }>)[0]?.last_seq;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: MIGRATIONS, migrationsRun: true, logging: false });
    await dataSource.initialize();
    // The rows' groups and members are not what is tested here.
    await dataSource.query('PRAGMA foreign_keys = OFF');
    writes = new WriteQueue(dataSource);
    sut = new SqliteMessageStore(writes);
  });
  afterEach(() => dataSource.destroy());

  it('numbers each group in order, without gaps, across batches', async () => {
    const first = await sut.insert([row(groupA), row(groupB), row(groupA)]);
    const second = await sut.insert([row(groupA), row(groupB)]);
    expect(first.map((r) => [r.entity.groupId, r.entity.seq, r.created])).toEqual([
      [groupA, 1, true],
      [groupB, 1, true],
      [groupA, 2, true],
    ]);
    expect(second.map((r) => [r.entity.groupId, r.entity.seq])).toEqual([
      [groupA, 3],
      [groupB, 2],
    ]);
    expect((await stored()).map((r) => [r.groupId, r.seq])).toEqual([
      [groupA, 1],
      [groupA, 2],
      [groupA, 3],
      [groupB, 1],
      [groupB, 2],
    ]);
    expect([await counter(groupA), await counter(groupB)]).toEqual([3, 2]);
  });

  it('stores a client id exactly once: a resend, in a later batch or the same one, gets the stored message back and takes no number', async () => {
    const clientId = randomUUID();
    const [original] = await sut.insert([row(groupA, clientId)]);
    const again = await sut.insert([row(groupA), row(groupA, clientId), row(groupA)]);
    expect(again.map((r) => r.created)).toEqual([true, false, true]);
    expect(again[1].entity).toMatchObject({ id: original.entity.id, seq: 1, clientMessageId: clientId, bodySealed: 'v2.sealed' });
    expect(again[1].entity.createdAt).toEqual(original.entity.createdAt);
    const twice = randomUUID();
    const same = await sut.insert([row(groupA, twice), row(groupA, twice)]);
    expect(same.map((r) => r.created)).toEqual([true, false]);
    expect(same[1].entity.id).toBe(same[0].entity.id);
    expect((await stored()).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(await counter(groupA)).toBe(4);
    // The same client id from another member is another message.
    const [other] = await sut.insert([row(groupA, clientId, '00000000-0000-4000-8000-0000000000e2')]);
    expect(other.created).toBe(true);
  });

  it('writes every column the messages table has, and reads every one back (columns are listed by hand here)', async () => {
    const columns = ((await dataSource.query('PRAGMA table_info(messages)')) as Array<{ name: string }>).map((c) => c.name);
    expect(SQLITE_MESSAGE_COLUMNS.split(', ').sort()).toEqual(columns.sort());
    const full: MessageEntity = {
      ...row(groupA),
      contentWarningSealed: 'v2.warning',
      status: 'held',
      removed: 'facilitator',
      removalReasonSealed: 'v2.reason',
      updatedAt: new Date('2026-12-06T19:05:00.000Z'),
    };
    const [first] = await sut.insert([full]);
    const [again] = await sut.insert([row(groupA, full.clientMessageId)]);
    expect(again.created).toBe(false);
    expect(again.entity).toEqual({ ...full, seq: first.entity.seq });
  });

  it('rolls the whole batch back when one row fails, and the next write is stored', async () => {
    await sut.insert([row(groupA)]);
    const poisoned = randomUUID();
    await dataSource.query(
      `CREATE TRIGGER poisoned BEFORE INSERT ON messages WHEN NEW.client_message_id = '${poisoned}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    await expect(sut.insert([row(groupA), row(groupB), row(groupA, poisoned)])).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect(sqliteConnection(dataSource).inTransaction).toBe(false);
    expect(await stored()).toHaveLength(1);
    expect([await counter(groupA), await counter(groupB)]).toEqual([1, undefined]);
    const [next] = await sut.insert([row(groupA)]);
    expect(next.entity.seq).toBe(2);
    // TypeORM's writes still work on the same connection afterwards.
    await writes.run((m) => m.query('DELETE FROM messages WHERE 0'));
  });

  it('fails a batch the disk has no room for (SQLITE_FULL) without storing any of it, then serves again', async () => {
    await sut.insert([row(groupA)]);
    const [{ page_count: pages }] = (await dataSource.query('PRAGMA page_count')) as Array<{ page_count: number }>;
    await dataSource.query(`PRAGMA max_page_count = ${pages}`);
    const big = Array.from({ length: 20 }, () => ({ ...row(groupA), bodySealed: 'x'.repeat(4000) }));
    await expect(sut.insert(big)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(sqliteConnection(dataSource).inTransaction).toBe(false);
    expect(await stored()).toHaveLength(1);
    await dataSource.query('PRAGMA max_page_count = 1073741823');
    const [next] = await sut.insert([row(groupA)]);
    expect(next.entity.seq).toBe(2);
  });
});

describe(MessageWriter.name, () => {
  let dataSource: DataSource;
  let writer: MessageWriter;
  const sealing = new MessageSealing(new DataCrypto({ dataKey: Buffer.alloc(32, 3) } as AppConfig));
  const message = (clientMessageId = randomUUID()): NewMessage => ({
    groupId: groupA,
    memberId: member,
    clientMessageId,
    body: 'Hej',
    contentWarning: null,
    status: 'delivered',
  });

  // The writer logs each failure it meets; here they are the point.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: MIGRATIONS, migrationsRun: true, logging: false });
    await dataSource.initialize();
    await dataSource.query('PRAGMA foreign_keys = OFF');
    writer = new MessageWriter(new SqliteMessageStore(new WriteQueue(dataSource)), sealing, new Clock());
  });
  afterEach(() => dataSource.destroy());

  it('stores sends that arrive together in one batch, in order, sealed under their own ids', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => writer.store(message())));
    expect(results.map((r) => r.entity.seq)).toEqual([1, 2, 3, 4, 5]);
    const [first] = results;
    expect(sealing.open('body', first.entity.bodySealed, first.entity.id, groupA)).toBe('Hej');
    expect(new Set(results.map((r) => r.entity.createdAt.getTime())).size).toBe(1);
  });

  it('gives messages time-ordered ids, so a commit appends to the primary-key index instead of dirtying a page per message', async () => {
    // On the app's clock (here a test clock a year back), never the machine's.
    const clock = new Clock();
    clock.set(new Date(Date.now() - 365 * 86_400_000));
    writer = new MessageWriter(new SqliteMessageStore(new WriteQueue(dataSource)), sealing, clock);
    const first = await Promise.all(Array.from({ length: 5 }, () => writer.store(message())));
    const later = await Promise.all(Array.from({ length: 5 }, () => writer.store(message())));
    const ids = [...first, ...later].map((r) => r.entity.id);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    // The instant an id holds is the app clock's, never after the stored createdAt.
    for (const { entity } of [...first, ...later]) {
      const idMs = parseInt(entity.id.replace(/-/g, '').slice(0, 12), 16);
      expect(idMs).toBeLessThanOrEqual(entity.createdAt.getTime());
      expect(entity.createdAt.getTime() - idMs).toBeLessThan(1000);
    }
  });

  it('answers a resend with the stored message, exactly once', async () => {
    const clientId = randomUUID();
    const [a, b] = await Promise.all([writer.store(message(clientId)), writer.store(message(clientId))]);
    const c = await writer.store(message(clientId));
    expect([a.created, b.created, c.created]).toEqual([true, false, false]);
    expect(new Set([a.entity.id, b.entity.id, c.entity.id]).size).toBe(1);
    expect((await dataSource.query('SELECT COUNT(*) AS n FROM messages')) as unknown).toEqual([{ n: 1 }]);
  });

  it('refuses only the message the database refuses; the rest of its batch is stored once, in order', async () => {
    const poisoned = randomUUID();
    await dataSource.query(
      `CREATE TRIGGER poisoned BEFORE INSERT ON messages WHEN NEW.client_message_id = '${poisoned}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const sends = [message(), message(), message(poisoned), message()].map((m) => writer.store(m));
    const outcomes = await Promise.allSettled(sends);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(ChatRefusal);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'UNAVAILABLE' });
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.entity.seq] : []))).toEqual([1, 2, 3]);
    expect((await dataSource.query('SELECT COUNT(*) AS n FROM messages')) as unknown).toEqual([{ n: 3 }]);
  });

  it('acknowledges nothing while the database fails, and stores again once it serves', async () => {
    const [{ page_count: pages }] = (await dataSource.query('PRAGMA page_count')) as Array<{ page_count: number }>;
    await dataSource.query(`PRAGMA max_page_count = ${pages}`);
    const big = (): NewMessage => ({ ...message(), body: 'x'.repeat(4000) });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => writer.store(big())));
    expect(outcomes.every((o) => o.status === 'rejected' && (o.reason as ChatRefusal).code === 'UNAVAILABLE')).toBe(true);
    expect((await dataSource.query('SELECT COUNT(*) AS n FROM messages')) as unknown).toEqual([{ n: 0 }]);
    await dataSource.query('PRAGMA max_page_count = 1073741823');
    expect((await writer.store(big())).entity.seq).toBe(1);
  });
});
