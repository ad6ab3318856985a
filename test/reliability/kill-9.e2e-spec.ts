import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, freePort, startApiProcess } from '../support/api-process';
import { expectConsistentOnceSeen, type Sender, startLoad } from '../support/chat-load';
import { openSendingRooms, sqliteMessageRows } from '../support/fault-rooms';
import { signInAdmin } from '../support/test-app';

/**
 * TESTING "Faults": the real API process (api/dist) dies by `kill -9` under chat load in several
 * rooms, with senders on several sockets, and starts again on the same database. Every message a
 * client saw acknowledged is in the database exactly once; every client, resending what was not
 * acknowledged with the same client ids and catching up after the last message it saw, ends with
 * the room's gap-free sequence as the database holds it.
 */
describe('kill -9 under chat load', () => {
  let dir: string;
  let dbPath: string;
  let port: number;
  let env: Record<string, string>;
  let api: ApiProcess | null = null;
  let senders: Sender[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tryg-kill9-'));
    dbPath = join(dir, 'tryg.sqlite');
    port = await freePort();
    env = { DATABASE_URL: `sqlite:${dbPath}`, DATA_KEY: Buffer.alloc(32, 0x4b).toString('base64') };
    api = await startApiProcess(port, env);
    senders = await openSendingRooms(api, await signInAdmin(api), 2, 3);
  }, 90_000);
  afterAll(async () => {
    for (const sender of senders) sender.close();
    if (api) {
      api.signal('SIGKILL');
      await api.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged message, stores none twice, and every client ends with the database’s sequence', async () => {
    for (const [i, sender] of senders.entries()) await sender.connect(api!, i % 3 === 0 ? 2 : 1);
    const stop = startLoad(senders, 250);
    // Under load for a while: then the process dies between any two instructions.
    await new Promise((r) => setTimeout(r, 1500));
    // A burst on every socket, and the kill while it is being stored and answered.
    for (const sender of senders) for (let k = 0; k < 3; k++) sender.sendNext();
    await new Promise((r) => setTimeout(r, 5));
    api!.signal('SIGKILL');
    const ended = await api!.exited;
    expect(ended.signal).toBe('SIGKILL');
    await stop();

    const acknowledged = senders.reduce((n, s) => n + s.acked.size, 0);
    const unanswered = senders.reduce((n, s) => n + s.sent.size - s.acked.size, 0);
    // The load was real: messages were stored, and the kill caught some in flight.
    expect(acknowledged).toBeGreaterThan(10);
    expect(unanswered).toBeGreaterThan(0);

    api = await startApiProcess(port, env);
    // Acknowledged means stored: before any client does anything, the database holds each once.
    const rowsAfterRestart = sqliteMessageRows(dbPath);
    for (const sender of senders) {
      for (const [clientMessageId, stored] of sender.acked) {
        const found = rowsAfterRestart.filter((r) => r.memberId === sender.memberId && r.clientMessageId === clientMessageId);
        expect([clientMessageId, found.map((r) => r.id)]).toEqual([clientMessageId, [stored.id]]);
      }
    }

    // Each client reconnects, catches up after the last message it saw, and resends what was not acknowledged.
    for (const [i, sender] of senders.entries()) await sender.connect(api, i % 3 === 0 ? 2 : 1);
    let resent = 0;
    for (const sender of senders) resent += await sender.resendUnacknowledged();
    expect(resent).toBe(unanswered);
    await expectConsistentOnceSeen(senders, sqliteMessageRows(dbPath));
  }, 90_000);
});
