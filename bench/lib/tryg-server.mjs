// Starts the built Tryg app (api/dist/main.js) on a temp SQLite database and seeds one group with
// an in-progress meeting through the real HTTP API, so every rule of the send path applies.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, makeTempDir, startNode, waitForHttp } from './processes.mjs';

// CONTRACT.md "HTTP": the session cookie and the CSRF header on every state-changing request.
const SESSION_COOKIE = 'tryg_session';
const CSRF_HEADER = 'X-Tryg-Csrf';
const SEED_CONCURRENCY = 4;

/** The newest modification time of any file under `dir` (ms). */
export const newestChange = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }, 0);

/** Fails with a clear message when the app was never built; warns when the build is older than the source. */
export function checkBuilt(rootDir) {
  const main = join(rootDir, 'api', 'dist', 'main.js');
  if (!existsSync(main)) {
    throw new Error('api/dist/main.js is missing: run `npm run build` first (the benchmark measures the built app).');
  }
  const builtAt = statSync(main).mtimeMs;
  if (newestChange(join(rootDir, 'api', 'src')) > builtAt) {
    process.stderr.write(
      'warning: api/src changed after the last build; run `npm run build` to measure the current code.\n',
    );
  }
  return main;
}

/** JSON over HTTP with one session cookie, as a browser would hold it. */
class ApiClient {
  token = null;

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async call(method, path, body) {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
        ...(this.token ? { cookie: `${SESSION_COOKIE}=${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const match = res.headers.get('set-cookie')?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
    if (match) this.token = match[1] || null;
    const text = await res.text();
    if (!res.ok) throw new Error(`seeding: ${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : {};
  }
}

const password = () => randomBytes(12).toString('base64url');

/** Runs `task(i)` for i in [0, count) with at most `limit` at once, keeping the results in order. */
async function inPool(count, limit, task) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/**
 * The environment of one app on one fresh SQLite file in a temp dir (`run`: kept until the run's end).
 * `from` reuses another environment's key and admin, so a copy of its database opens with them.
 */
export async function appEnv({ prefix = 'tryg-bench-', from = null, run = false } = {}) {
  const dir = makeTempDir(prefix, { run });
  const port = await freePort();
  const admin = from?.admin ?? { login: 'bench.admin', password: password() };
  const dbPath = join(dir, 'bench.sqlite');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: `sqlite:${dbPath}`,
    DATA_KEY: from?.env.DATA_KEY ?? randomBytes(32).toString('base64'),
    TRYG_ADMIN_LOGIN: admin.login,
    TRYG_ADMIN_PASSWORD: admin.password,
  };
  return { env, admin, dbPath, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * Boots the built app (`main`, from checkBuilt) as a child process on 127.0.0.1 in that environment;
 * `nodeArgs` go to node before the app (e.g. `--expose-gc`).
 */
export async function startApp(rootDir, main, { env, baseUrl, admin }, nodeArgs = []) {
  const handle = startNode('tryg', [...nodeArgs, '-r', join(rootDir, 'bench', 'lib', 'tryg-preload.cjs'), main], env);
  await waitForHttp(handle, `${baseUrl}/api/health`);
  return { handle, baseUrl, admin };
}

/** The app on a fresh database. With `profileDir`, it writes a V8 CPU profile there when it stops. */
export async function startTryg(rootDir, main, profileDir = null) {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return startApp(rootDir, main, await appEnv(), profile);
}

/**
 * Admin → facilitator and coordinator → one group (capacity 200, no facilitator needed) → for each
 * participant a referral, a redeem (which signs them in) and an approval → a meeting in progress.
 * Resolves with the group id and each participant's session token.
 */
export async function seedTryg({ baseUrl, admin }, participantCount) {
  const adminClient = new ApiClient(baseUrl);
  await adminClient.call('POST', '/auth/login', admin);
  const facilitator = { login: 'bench.facilitator', password: password() };
  const coordinator = { login: 'bench.coordinator', password: password() };
  const { account: facilitatorAccount } = await adminClient.call('POST', '/admin/staff', {
    ...facilitator,
    role: 'facilitator',
    displayName: 'Bench facilitator',
  });
  await adminClient.call('POST', '/admin/staff', { ...coordinator, role: 'coordinator' });
  const group = await adminClient.call('POST', '/groups', {
    name: 'Bench group',
    capacity: 200,
    requireFacilitator: false,
  });
  await adminClient.call('POST', `/groups/${group.id}/facilitators`, { accountId: facilitatorAccount.id });

  const coordinatorClient = new ApiClient(baseUrl);
  await coordinatorClient.call('POST', '/auth/login', coordinator);
  const facilitatorClient = new ApiClient(baseUrl);
  await facilitatorClient.call('POST', '/auth/login', facilitator);

  const tokens = await inPool(participantCount, SEED_CONCURRENCY, async (i) => {
    const { code } = await coordinatorClient.call('POST', '/referrals', { groupId: group.id });
    const participant = new ApiClient(baseUrl);
    const number = String(i + 1).padStart(3, '0');
    const { membership } = await participant.call('POST', '/auth/redeem', {
      code,
      login: `bench.p${number}`,
      password: password(),
      displayName: `Deltager ${number}`,
    });
    await facilitatorClient.call('POST', `/groups/${group.id}/members/${membership.memberId}/approve`);
    return participant.token;
  });

  await facilitatorClient.call('POST', `/groups/${group.id}/meetings`, {
    startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    durationMinutes: 180,
  });
  return { groupId: group.id, tokens };
}
