import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtApiFile } from '../support/built-api';
import { ADMIN, REPO_ROOT } from '../support/test-app';

/**
 * Issue 14: Node runs promise hooks for every promise of the process once anything has turned them
 * on — an async hook, or on Node 20 and 22 any AsyncLocalStorage that has run (nestjs-pino ran one
 * per request) — which cost a chat send about 6 % of its CPU. The built app serves requests in a
 * process of its own (Jest itself keeps hooks on), and a promise continuation then tells: with the
 * hooks off it runs under async id 0. The control turns an async hook on, which every Node version
 * shows (Node 24's AsyncLocalStorage no longer needs the hooks, so it cannot be the control there).
 */
const PROBE = `
const { executionAsyncId, createHook } = require('node:async_hooks');
require('reflect-metadata');
const { loadConfig } = require(process.env.PROBE_CONFIG);
const { createApp } = require(process.env.PROBE_CREATE_APP);
const continuationId = () => new Promise((resolve) => Promise.resolve().then(() => resolve(executionAsyncId())));
(async () => {
  const { config } = loadConfig(process.env, { rootDir: process.env.PROBE_ROOT, forTests: true });
  const app = await createApp({ ...config, dataDir: process.env.PROBE_DATA_DIR }, { logStream: new (require('node:stream').Writable)({ write: (_c, _e, done) => done() }) });
  await app.listen(0, '127.0.0.1');
  const url = 'http://127.0.0.1:' + app.getHttpServer().address().port;
  const statuses = [];
  statuses.push((await fetch(url + '/api/health')).status);
  statuses.push((await fetch(url + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tryg-csrf': '1' }, body: JSON.stringify({ login: 'nobody', password: 'wrong-password-1' }) })).status);
  statuses.push((await fetch(url + '/api/v1/no-such-route')).status);
  const afterRequests = await continuationId();
  await app.close();
  // The control: the same probe once an async hook is on.
  createHook({ init() {} }).enable();
  const control = await continuationId();
  process.stdout.write(JSON.stringify({ statuses, afterRequests, control }) + '\\n');
  process.exit(0);
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

describe('promise hooks', () => {
  it('stay off in the app after it has served requests (no per-request async context)', () => {
    // spawnSync blocks the worker: its own timeout, inside the test's.
    const dataDir = mkdtempSync(join(tmpdir(), 'tryg-hooks-'));
    try {
      const run = spawnSync(process.execPath, ['-e', PROBE], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 50_000,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_NO_WARNINGS: '1',
          NODE_ENV: 'test',
          PORT: '0',
          DATABASE_URL: `sqlite:${join(dataDir, 'tryg.sqlite')}`,
          DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
          TRYG_ADMIN_LOGIN: ADMIN.login,
          TRYG_ADMIN_PASSWORD: ADMIN.password,
          PROBE_ROOT: REPO_ROOT,
          PROBE_DATA_DIR: dataDir,
          PROBE_CONFIG: builtApiFile('config/load-config.js'),
          PROBE_CREATE_APP: builtApiFile('create-app.js'),
        },
      });
      // Ended by itself, with its one line (a timeout or a crash shows its output here, not as a parse error).
      expect({ error: run.error?.message, signal: run.signal, status: run.status }).toEqual({ error: undefined, signal: null, status: 0 });
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { statuses: number[]; afterRequests: number; control: number };
      expect(result.statuses).toEqual([200, 401, 404]);
      expect(result.control).not.toBe(0);
      expect(result.afterRequests).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
