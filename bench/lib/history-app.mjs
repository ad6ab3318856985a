// The built app on a database the benchmark can stop, fill directly, and start again: the same
// environment (above all the same DATA_KEY) at each start. Otherwise as lib/tryg-server.mjs.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, makeTempDir, startNode, waitForHttp } from './processes.mjs';
import { seedTryg } from './tryg-server.mjs';

const require = createRequire(import.meta.url);

const STOP_GRACE_MS = 5000;

/**
 * A fixed environment for every start of the app on one database. `from` reuses a template's key
 * and admin (a copy of its file must open with them); `run` keeps the dir until the run's end.
 */
export async function historyAppEnv({ from = null, run = false } = {}) {
  const dir = makeTempDir('tryg-history-', { run });
  const port = await freePort();
  const admin = from?.admin ?? { login: 'bench.admin', password: randomBytes(12).toString('base64url') };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    DATA_KEY: from?.env.DATA_KEY ?? randomBytes(32).toString('base64'),
    TRYG_ADMIN_LOGIN: admin.login,
    TRYG_ADMIN_PASSWORD: admin.password,
  };
  return { env, admin, dbPath: join(dir, 'bench.sqlite'), baseUrl: `http://127.0.0.1:${port}` };
}

/** Starts the app on that environment; `nodeArgs` go to node before the app (e.g. `--expose-gc`). */
export async function startApp(rootDir, main, { env, baseUrl, admin }, nodeArgs = []) {
  const handle = startNode('tryg', [...nodeArgs, '-r', join(rootDir, 'bench', 'lib', 'tryg-preload.cjs'), main], env);
  await waitForHttp(handle, `${baseUrl}/api/health`);
  return { handle, baseUrl, admin };
}

/** Stops the app and waits until it has exited (its database closed), so the file may be written. */
export async function stopApp({ handle }) {
  if (handle.exited) return;
  const exited = new Promise((resolve) => handle.child.once('exit', resolve));
  handle.child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!graceful) {
    handle.child.kill('SIGKILL');
    await exited;
  }
}

let template = null;

async function accountIdOf(baseUrl, token) {
  const res = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: `tryg_session=${token}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(`GET /auth/me → ${res.status} ${JSON.stringify(body)}`);
  return body.account?.id ?? body.id;
}

/**
 * A stopped app's database with one open group and one signed-in member, made through the real API
 * once per run (a boot, the seeding, a stop) and copied for every part that needs one, so each
 * boots the app once on its filled copy. Resolves with the copy's environment (as historyAppEnv),
 * the group's id, and the member's account id and session token (its session made fresh again).
 */
export async function seededDatabase(rootDir, main) {
  if (!template || !existsSync(template.app.dbPath)) {
    const app = await historyAppEnv({ run: true });
    const server = await startApp(rootDir, main, app);
    const seeded = await seedTryg(server, 1);
    const accountId = await accountIdOf(server.baseUrl, seeded.tokens[0]);
    await stopApp(server);
    template = { app, groupId: seeded.groupId, token: seeded.tokens[0], accountId };
  }
  const app = await historyAppEnv({ from: template.app });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(template.app.dbPath + suffix)) copyFileSync(template.app.dbPath + suffix, app.dbPath + suffix);
  }
  // The template may be minutes old: its session and meeting are made current in the copy.
  const Database = require(join(rootDir, 'node_modules', 'better-sqlite3'));
  const db = new Database(app.dbPath);
  const now = Date.now();
  db.prepare('UPDATE sessions SET last_seen_at = ?').run(new Date(now).toISOString());
  db.prepare('UPDATE meetings SET starts_at = ?, ends_at = ?').run(
    new Date(now - 5 * 60_000).toISOString(),
    new Date(now + 175 * 60_000).toISOString(),
  );
  db.close();
  return { app, groupId: template.groupId, token: template.token, accountId: template.accountId };
}
