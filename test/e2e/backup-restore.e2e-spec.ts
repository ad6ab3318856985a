import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { builtApiFile } from '../support/built-api';
import { startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { joinRoom, sendMessage } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { Client, signInAdmin, startTestApp, type TestApp, tokenOf } from '../support/test-app';

const KEY = Buffer.alloc(32, 0x5c).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 0x6d).toString('base64');

/** `npm run backup` / `npm run restore` as their own processes, as an operator runs them. */
function operation(
  name: 'backup' | 'restore',
  arg: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [builtApiFile(`operations/${name}.js`), arg], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('backup and restore', () => {
  let dir: string;
  let dbPath: string;
  let app: TestApp | null = null;
  let fixture: GroupFixture;
  let people: Participant[];
  const sockets: ChatClient[] = [];
  const env = () => ({ DATABASE_URL: `sqlite:${dbPath}`, DATA_KEY: KEY });
  let backupFile: string;
  let ackedBeforeBackup: Map<string, string>;
  let ackedAfter = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tryg-backup-'));
    dbPath = join(dir, 'live', 'tryg.sqlite');
    app = await startTestApp({ env: env() });
    const admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    people = [await addApprovedParticipant(app, fixture), await addApprovedParticipant(app, fixture)];
    await startMeetingNow(app, fixture);
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the running database under chat load, with every message acknowledged before it started', async () => {
    const chat = await Promise.all(people.map((p) => joinRoom(app!, p.client, fixture.groupId, sockets)));
    const acked = new Map<string, string>();
    let loading = true;
    let started = false;
    const load = (async () => {
      for (let i = 0; loading; i++) {
        const body = `Besked ${i}`;
        const ack = await sendMessage(chat[i % 2], fixture.groupId, body);
        expect(ack.ok).toBe(true);
        acked.set(ack.message!.id, body);
        if (started) ackedAfter++;
        await new Promise((resolve) => setTimeout(resolve, 110)); // within the send limit
      }
    })();
    while (acked.size < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    ackedBeforeBackup = new Map(acked);
    started = true;
    const backup = await operation('backup', join(dir, 'backups'), env());
    loading = false;
    await load;
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain('useless without DATA_KEY and dangerous with it');
    expect(backup.output).toContain('integrity check: ok');
    const [name] = readdirSync(join(dir, 'backups'));
    backupFile = join(dir, 'backups', name);
    expect(statSync(backupFile).mode & 0o077).toBe(0);
    expect(ackedAfter).toBeGreaterThan(0);
    const copy = new Database(backupFile, { readonly: true });
    const ids = new Set((copy.prepare('SELECT id FROM messages').all() as { id: string }[]).map((r) => r.id));
    copy.close();
    for (const id of ackedBeforeBackup.keys()) expect(ids.has(id)).toBe(true);
  }, 60_000);

  it('refuses a backup the configured key does not open, and a database Tryg has open, replacing nothing', async () => {
    const before = readFileSync(dbPath);
    const wrongKey = await operation('restore', backupFile, { ...env(), DATA_KEY: OTHER_KEY });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.output).toMatch(/does not open this backup .*nothing was replaced/);
    const running = await operation('restore', backupFile, env());
    expect(running.code).toBe(1);
    expect(running.output).toMatch(/has .* open: stop it first; nothing was replaced/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    const broken = join(dir, 'broken.sqlite');
    const bytes = readFileSync(backupFile);
    bytes.fill(0x41, 4096, 8192);
    writeFileSync(broken, bytes);
    const damaged = await operation('restore', broken, env());
    expect(damaged.code).toBe(1);
    expect(damaged.output).toMatch(/integrity check|not a SQLite database/);
  }, 60_000);

  it('restores it in place of a stopped Tryg, which then serves every message acknowledged before the backup', async () => {
    const token = tokenOf(people[0].client);
    await app!.close();
    app = null;
    const restored = await operation('restore', backupFile, env());
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.output).toContain('The database it replaced is at');
    app = await startTestApp({ env: env() });
    const client = new Client(app.url);
    client.agent.jar.setCookie(`tryg_session=${token}`, '127.0.0.1', '/');
    const seen = new Map<string, string | null>();
    let cursor: string | null = null;
    do {
      const page = await client.get(
        `/groups/${fixture.groupId}/messages?limit=100${cursor ? `&before=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const m of page.body.items as { id: string; body: string | null }[]) seen.set(m.id, m.body);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const [id, body] of ackedBeforeBackup) expect({ id, body: seen.get(id) }).toEqual({ id, body });
    expect(existsSync(`${dbPath}.restoring`)).toBe(false);
  }, 60_000);
});
