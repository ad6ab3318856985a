import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../api/src/config/load-config';
import { builtApiFile } from '../support/built-api';
import { startMeetingNow } from '../support/chat-fixtures';
import { containsText, readRawBytes } from '../support/database-bytes';
import { addApprovedParticipant, createGroupFixture, type GroupFixture } from '../support/groups';
import { joinRoom, sendMessage } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const KEY = Buffer.alloc(32, 0x3a).toString('base64');
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Starts with the common umask 022, so a file the product does not narrow itself shows as 0644. */
async function withUmask<T>(work: () => Promise<T>): Promise<T> {
  const old = process.umask(0o022);
  try {
    return await work();
  } finally {
    process.umask(old);
  }
}

/**
 * What a stolen disk still shows: an account's deletion leaves none of its login, pseudonym or
 * text in any database file, the SQLite write-ahead log included; and the files that hold data or
 * keys are the service user's alone (0600) from their first byte.
 */
describe('data left behind on disk', () => {
  let app: TestApp;
  let fixture: GroupFixture;
  let groupName: string;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await withUmask(() => startTestApp({ env: { DATA_KEY: KEY } }));
    const admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    groupName = (await admin.get(`/groups/${fixture.groupId}`)).body.name as string;
    await startMeetingNow(app, fixture);
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await app?.close();
  });

  it('deleting an account leaves none of its login, pseudonym or text in the database file, its -wal or -shm', async () => {
    const leaving = await addApprovedParticipant(app, fixture, { login: 'forsvinder.sporlost', displayName: 'Natuglen Vims' });
    const socket = await joinRoom(app, leaving.client, fixture.groupId, sockets);
    for (let i = 0; i < 3; i++) expect((await sendMessage(socket, fixture.groupId, `Natuglens hemmelighed nummer ${i}`)).ok).toBe(true);
    const entry = await leaving.client.post('/me/incidents', {
      occurredAt: new Date(app.clock.nowMs() - 3_600_000).toISOString(),
      contactType: 'sms',
      description: 'Natuglens hændelse i opgangen',
      place: 'Natuglens opgang',
    });
    expect(entry.status).toBe(201);
    // Renamed once: the old pseudonym was stored too.
    expect((await leaving.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'Natuglen Anden' })).status).toBe(200);

    // The scan works: before the deletion it finds the login and the pseudonyms in these very files.
    const before = readRawBytes(app.dataDir);
    expect(containsText(before, 'forsvinder.sporlost')).toBe(true);
    expect(containsText(before, 'Natuglen Anden')).toBe(true);

    expect((await leaving.client.delete('/me', { password: leaving.password })).status).toBe(204);
    socket.close();

    const after = readRawBytes(app.dataDir);
    // A canary stored in plain text on purpose (the group's name) is found in the same bytes.
    expect(containsText(after, groupName)).toBe(true);
    for (const trace of ['forsvinder.sporlost', 'Natuglen Vims', 'Natuglen Anden', 'natuglen', 'Natuglens hemmelighed', 'Natuglens hændelse', 'Natuglens opgang']) {
      expect([trace, containsText(after, trace)]).toEqual([trace, false]);
    }
  });

  it('creates the database, its -wal and -shm mode 0600 whatever the umask', () => {
    const files = readdirSync(app.dataDir).filter((name) => name.startsWith('tryg.sqlite'));
    expect(files.sort()).toEqual(['tryg.sqlite', 'tryg.sqlite-shm', 'tryg.sqlite-wal']);
    for (const name of files) expect([name, mode(join(app.dataDir, name))]).toEqual([name, '600']);
  });

  it('creates a generated key file mode 0600', () => {
    const root = mkdtempSync(join(tmpdir(), 'tryg-keyfile-'));
    try {
      const old = process.umask(0o022);
      try {
        loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${join(root, 'data', 'tryg.sqlite')}` }, { rootDir: root });
      } finally {
        process.umask(old);
      }
      expect(mode(join(root, 'data', 'data-key'))).toBe('600');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes a backup (`npm run backup`) mode 0600 in a folder of mode 0700', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'tryg-backups-')), 'copies');
    try {
      let output = '';
      // The child inherits the umask it is started with.
      const code = await withUmask(() => {
        const child = spawn(process.execPath, [builtApiFile('operations/backup.js'), target], {
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: `sqlite:${join(app.dataDir, 'tryg.sqlite')}`, DATA_KEY: KEY },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        return new Promise<number | null>((resolve) => child.on('exit', resolve));
      });
      expect([code, output]).toEqual([0, expect.stringContaining('Backup written')]);
      const copies = readdirSync(target);
      expect(copies).toHaveLength(1);
      expect(mode(join(target, copies[0]))).toBe('600');
      expect(mode(target)).toBe('700');
    } finally {
      rmSync(join(target, '..'), { recursive: true, force: true });
    }
  });
});
