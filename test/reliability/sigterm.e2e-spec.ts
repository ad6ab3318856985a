import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_HUNG_UP } from '@tryg/shared';
import { type ApiProcess, freePort, startApiProcess } from '../support/api-process';
import { expectConsistentOnceSeen, type Sender, startLoad } from '../support/chat-load';
import { openSendingRooms, sqliteMessageRows } from '../support/fault-rooms';
import { eventually } from '../support/sockets';
import { signInAdmin } from '../support/test-app';

/**
 * SIGTERM to the real API process under chat load: it stops accepting connections, finishes the
 * writes in flight, acknowledges or refuses every send it had received, closes the sockets so the
 * clients redial (the web shows "reconnecting"), and exits 0 within 10 s. Nothing acknowledged is
 * lost; what was refused or unanswered is stored exactly once when it is sent again after the restart.
 */
describe('SIGTERM under chat load', () => {
  let dir: string;
  let dbPath: string;
  let port: number;
  let env: Record<string, string>;
  let api: ApiProcess | null = null;
  let senders: Sender[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tryg-sigterm-'));
    dbPath = join(dir, 'tryg.sqlite');
    port = await freePort();
    env = { DATABASE_URL: `sqlite:${dbPath}`, DATA_KEY: Buffer.alloc(32, 0x54).toString('base64') };
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

  it('drains: every send received is answered, connections close for a redial, exit 0 within 10 s, nothing lost', async () => {
    for (const [i, sender] of senders.entries()) await sender.connect(api!, i % 3 === 0 ? 2 : 1);
    const stop = startLoad(senders, 250);
    await new Promise((r) => setTimeout(r, 1000));
    // A burst on every socket, then SIGTERM while it is being stored; the load goes on until the sockets close.
    for (const sender of senders) for (let k = 0; k < 3; k++) sender.sendNext();
    const sentBeforeSignal = senders.flatMap((s) => [...s.sent.keys()].map((id) => ({ sender: s, id })));
    const signalledAt = Date.now();
    api!.signal('SIGTERM');

    // It stops accepting: once it starts closing connections, a new one is refused.
    await eventually(() => senders.some((s) => s.disconnects.length > 0), 10_000);
    await expect(fetch(`${api!.url}/api/health`)).rejects.toThrow();

    const ended = await api!.exited;
    await stop();
    expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
    expect(ended.at - signalledAt).toBeLessThan(10_000);

    // Every socket was closed as a drop the client dials again after, never as a hang-up.
    for (const sender of senders) {
      expect(sender.disconnects.length).toBeGreaterThan(0);
      expect(sender.disconnects).not.toContain(SERVER_HUNG_UP);
      expect(new Set(sender.disconnects)).toEqual(new Set(['transport close']));
    }
    // Every send it had received before the signal was answered: stored, or refused as unavailable.
    const unanswered = sentBeforeSignal.filter(({ sender, id }) => !sender.acked.has(id) && !sender.refused.has(id));
    expect(unanswered.map(({ sender, id }) => `${sender.name}:${id}`)).toEqual([]);
    for (const sender of senders) expect([...new Set(sender.refused.values())].filter((code) => code !== 'UNAVAILABLE')).toEqual([]);
    const acknowledged = senders.reduce((n, s) => n + s.acked.size, 0);
    expect(acknowledged).toBeGreaterThan(10);
    expect(api!.output()).not.toMatch(/Still not stopped|Shutdown failed/);

    api = await startApiProcess(port, env);
    for (const [i, sender] of senders.entries()) await sender.connect(api, i % 3 === 0 ? 2 : 1);
    for (const sender of senders) await sender.resendUnacknowledged();
    await expectConsistentOnceSeen(senders, sqliteMessageRows(dbPath));
  }, 90_000);
});
