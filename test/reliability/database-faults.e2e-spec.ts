import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client as PgClient } from 'pg';
import { expectConsistentOnceSeen, type Sender, type StoredRow } from '../support/chat-load';
import { openSendingRooms, sqliteMessageRows } from '../support/fault-rooms';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/** Every sender sends `each` messages at once (so they share the writer's batches); resolves when all are answered. */
async function burst(senders: Sender[], each: number): Promise<void> {
  for (let k = 0; k < each; k++) for (const sender of senders) sender.sendNext();
  await Promise.all(senders.map((s) => s.settled()));
}

const refusals = (senders: Sender[]) => senders.flatMap((s) => [...s.refused.values()]);

/**
 * What a sender may be told while the database fails under the send path: stored (and then it is
 * stored exactly once), or UNAVAILABLE (and then sending it again with the same client id stores it
 * once). Never an acknowledgement for a message that is not stored, never INTERNAL, and the app
 * serves again without a restart once the database does. The faults are injected below the
 * message writer (in SQLite itself, or by another process or connection), whatever the writer's
 * code looks like.
 */
async function expectRecovered(app: TestApp, senders: Sender[], rows: () => Promise<StoredRow[]>): Promise<void> {
  expect([...new Set(refusals(senders))].filter((code) => code !== 'UNAVAILABLE')).toEqual([]);
  const before = await rows();
  for (const sender of senders) {
    for (const [clientMessageId, stored] of sender.acked) {
      expect(before.filter((r) => r.memberId === sender.memberId && r.clientMessageId === clientMessageId).map((r) => r.id)).toEqual([stored.id]);
    }
  }
  for (const sender of senders) await sender.resendUnacknowledged();
  // Serving again, without a restart: every new message is stored.
  await burst(senders, 1);
  for (const sender of senders) expect([sender.name, sender.acked.size]).toEqual([sender.name, sender.sent.size]);
  await expectConsistentOnceSeen(senders, await rows());
  // Refused as unavailable, not failed as an unknown error.
  expect(app.logs.lines.filter((line) => line.includes('"context":"ChatGateway"'))).toEqual([]);
}

describe('the database failing under the send path (SQLite)', () => {
  let app: TestApp;
  let senders: Sender[];
  const rows = async () => sqliteMessageRows(join(app.dataDir, 'tryg.sqlite'));

  beforeAll(async () => {
    app = await startTestApp();
    senders = await openSendingRooms(app, await signInAdmin(app), 1, 4);
  }, 60_000);
  beforeEach(async () => {
    for (const sender of senders) await sender.connect(app);
  });
  afterEach(async () => {
    for (const sender of senders) sender.close();
    // The next test starts in a fresh window of the per-account send limit (10 in 2 s).
    await new Promise((r) => setTimeout(r, 2100));
  });
  afterAll(() => app.close());

  it('one message that the database refuses mid-batch: its sender is refused, the others in the batch are stored once', async () => {
    // A trigger aborts the insert of one chosen message, wherever it sits in a batch.
    const poisoned = '00000000-0000-4000-8000-00000000dead';
    await app.dataSource.query(
      `CREATE TRIGGER poisoned_message BEFORE INSERT ON messages WHEN NEW.client_message_id = '${poisoned}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    try {
      const victim = senders[1];
      for (let k = 0; k < 2; k++) for (const sender of senders) sender.sendNext();
      victim.sendNextWithId(poisoned);
      for (const sender of senders) sender.sendNext();
      await Promise.all(senders.map((s) => s.settled()));
      expect([...victim.refused]).toEqual([[poisoned, 'UNAVAILABLE']]);
      expect(senders.reduce((n, s) => n + s.acked.size, 0)).toBe(senders.length * 3);
    } finally {
      await app.dataSource.query('DROP TRIGGER poisoned_message');
    }
    await expectRecovered(app, senders, rows);
  });

  it('the disk full (SQLITE_FULL): refused, never acknowledged, stored once when sent again after space is back', async () => {
    const [{ page_count: pages }] = (await app.dataSource.query('PRAGMA page_count')) as Array<{ page_count: number }>;
    const [{ max_page_count: max }] = (await app.dataSource.query('PRAGMA max_page_count')) as Array<{ max_page_count: number }>;
    // The database may not grow any more: a message needs new pages and fails as on a full disk.
    await app.dataSource.query(`PRAGMA max_page_count = ${pages}`);
    try {
      for (let k = 0; k < 3; k++) for (const sender of senders) sender.sendNext('x'.repeat(3900));
      await Promise.all(senders.map((s) => s.settled()));
      expect(refusals(senders).filter((code) => code === 'UNAVAILABLE').length).toBeGreaterThan(0);
    } finally {
      await app.dataSource.query(`PRAGMA max_page_count = ${max}`);
    }
    await expectRecovered(app, senders, rows);
  });

  it('the database locked by another connection past the busy timeout (SQLITE_BUSY): refused, never acknowledged, stored once when sent again', async () => {
    // Another process's connection (a backup tool, say) holds the write lock. The app waits its
    // busy timeout (5 s), then SQLite answers SQLITE_BUSY to every write until the lock is let go.
    const storedBefore = (await rows()).length;
    const ackedBefore = senders.reduce((n, s) => n + s.acked.size, 0);
    const other = new Database(join(app.dataDir, 'tryg.sqlite'), { fileMustExist: true });
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      for (let k = 0; k < 2; k++) for (const sender of senders) sender.sendNext();
      await Promise.all(senders.map((s) => s.settled()));
      // Nothing was stored while the lock was held: no sender may have been told otherwise.
      expect(senders.reduce((n, s) => n + s.acked.size, 0)).toBe(ackedBefore);
      expect(await rows()).toHaveLength(storedBefore);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(app.logs.lines.some((line) => line.includes('SQLITE_BUSY'))).toBe(true);
    await expectRecovered(app, senders, rows);
  }, 60_000);
});

describe('the database failing under the send path (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let senders: Sender[];
  const rows = async () =>
    (await app.dataSource.query(
      'SELECT id, group_id AS "groupId", seq, member_id AS "memberId", client_message_id AS "clientMessageId" FROM messages',
    )) as StoredRow[];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp({ env: { DATABASE_URL: db.url } });
    senders = await openSendingRooms(app, await signInAdmin(app), 1, 4);
    for (const sender of senders) await sender.connect(app);
  }, 60_000);
  afterAll(async () => {
    for (const sender of senders ?? []) sender.close();
    await app?.close();
    await db?.drop();
  });

  it('the connection killed mid-batch (pg_terminate_backend): refused or stored, never both; the pool recovers', async () => {
    // One connection holds a lock that makes inserts into messages wait, so the writer's transaction is
    // mid-batch when another connection kills it (a watcher of its own: pg_stat_activity is a snapshot
    // for the length of a transaction).
    const locker = new PgClient({ connectionString: db.url });
    const watcher = new PgClient({ connectionString: db.url });
    await Promise.all([locker.connect(), watcher.connect()]);
    let kills = 0;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE messages IN EXCLUSIVE MODE');
      for (let k = 0; k < 3; k++) for (const sender of senders) sender.sendNext();
      const until = Date.now() + 15_000;
      while (kills < 3 && Date.now() < until) {
        const waiting = await watcher.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "messages"%'`,
        );
        for (const { pid } of waiting.rows as Array<{ pid: number }>) {
          await watcher.query('SELECT pg_terminate_backend($1)', [pid]);
          kills++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await locker.query('COMMIT');
      await Promise.all([locker.end(), watcher.end()]);
    }
    await Promise.all(senders.map((s) => s.settled()));
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(refusals(senders).filter((code) => code === 'UNAVAILABLE').length).toBeGreaterThan(0);
    await expectRecovered(app, senders, rows);
  }, 60_000);
});
