// The built app on a database the benchmark can stop, fill directly, and start again: the same
// environment (above all the same DATA_KEY) at each start. Otherwise as lib/tryg-server.mjs.
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appEnv, seedTryg, startApp } from './tryg-server.mjs';

const require = createRequire(import.meta.url);

const STOP_GRACE_MS = 5000;

/** A fixed environment for every start of the app on one database (see appEnv). */
export const historyAppEnv = ({ from = null, run = false } = {}) => appEnv({ prefix: 'tryg-history-', from, run });

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
