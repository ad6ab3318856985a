import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { INITIAL_ADMIN_PASSWORD_FILE } from '../../api/src/modules/auth/first-admin.service';
import { Client, REPO_ROOT, startTestApp, type TestApp } from '../support/test-app';

const MAIN_JS = join(REPO_ROOT, 'api', 'dist', 'main.js');
const BUILD_HINT =
  'build it first: npx tsc -p shared/tsconfig.build.json && npx tsc -p api/tsconfig.build.json (npm test does)';

/** A listing of the repo's data/ folder with sizes and times, to prove a refused boot touched nothing there. */
function repoDataState(): string[] {
  const dir = join(REPO_ROOT, 'data');
  if (!existsSync(dir)) return ['(absent)'];
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    });
}

describe('bad configuration, as a real process', () => {
  let cwd: string;

  beforeAll(() => {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: ${BUILD_HINT}`);
    // A stale build would test old code: the two files this proof runs must be built from the current sources.
    for (const [source, built] of [
      ['api/src/main.ts', 'api/dist/main.js'],
      ['api/src/config/load-config.ts', 'api/dist/config/load-config.js'],
    ]) {
      if (statSync(join(REPO_ROOT, source)).mtimeMs > statSync(join(REPO_ROOT, built)).mtimeMs) {
        throw new Error(`${built} is older than ${source}: ${BUILD_HINT}`);
      }
    }
  });
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'tryg-boot-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  function boot(env: Record<string, string>) {
    return spawnSync(process.execPath, [MAIN_JS], {
      cwd,
      // A clean environment: nothing from the test runner leaks in.
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  }

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['DATA_KEY', { NODE_ENV: 'production', DATA_KEY: '' }],
    ['TRYG_ADMIN_PASSWORD', { TRYG_ADMIN_LOGIN: 'boss' }],
  ])('exits 1 with one stderr line naming %s and writes nothing', (variable, bad) => {
    const before = repoDataState();
    const result = boot({
      DATABASE_URL: `sqlite:${join(cwd, 'x.sqlite')}`,
      DATA_KEY: Buffer.alloc(32, 5).toString('base64'),
      ...bad,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(result.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
    expect(repoDataState()).toEqual(before);
  });
});

describe('first admin without TRYG_ADMIN_* outside production', () => {
  let app: TestApp;
  let file: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { TRYG_ADMIN_LOGIN: '', TRYG_ADMIN_PASSWORD: '' } });
    file = join(app.dataDir, INITIAL_ADMIN_PASSWORD_FILE);
  });
  afterAll(() => app.close());

  it('creates `admin` with a random password written only to <dataDir>/initial-admin-password, mode 0600', async () => {
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    const rows = (await app.dataSource.query(`SELECT login, role FROM accounts`)) as { login: string; role: string }[];
    expect(rows).toEqual([{ login: 'admin', role: 'admin' }]);
  });

  it('logs the file path but never the password', () => {
    const password = readFileSync(file, 'utf8').trim();
    expect(app.logs.text).toContain(file);
    expect(app.logs.text).not.toContain(password);
  });

  it('lets that password sign in as admin', async () => {
    const password = readFileSync(file, 'utf8').trim();
    const res = await new Client(app.url).post('/auth/login', { login: 'admin', password });
    expect(res.status).toBe(200);
    expect(res.body.account).toEqual(expect.objectContaining({ login: 'admin', role: 'admin' }));
  });

  it('does nothing on a later boot once an admin exists (same database, file untouched)', async () => {
    const before = readFileSync(file, 'utf8');
    const again = await startTestApp({
      env: { TRYG_ADMIN_LOGIN: '', TRYG_ADMIN_PASSWORD: '' },
      config: { dataDir: app.dataDir, database: app.config.database },
    });
    try {
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(again.logs.text).not.toContain(INITIAL_ADMIN_PASSWORD_FILE);
      expect((await again.dataSource.query(`SELECT COUNT(*) AS n FROM accounts`))[0].n).toBe(1);
    } finally {
      await again.app.close();
    }
  });
});

describe('first admin over a leftover password file', () => {
  it('replaces a stale, world-readable file with a fresh 0600 one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tryg-stale-'));
    const stale = join(dataDir, INITIAL_ADMIN_PASSWORD_FILE);
    writeFileSync(stale, 'stale-password-from-before\n');
    chmodSync(stale, 0o644);
    const app = await startTestApp({ env: { TRYG_ADMIN_LOGIN: '', TRYG_ADMIN_PASSWORD: '' }, config: { dataDir } });
    try {
      expect(statSync(stale).mode & 0o777).toBe(0o600);
      const password = readFileSync(stale, 'utf8').trim();
      expect(password).not.toBe('stale-password-from-before');
      expect((await new Client(app.url).post('/auth/login', { login: 'admin', password })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('first admin in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { NODE_ENV: 'production', TRYG_ADMIN_LOGIN: '', TRYG_ADMIN_PASSWORD: '' } });
  });
  afterAll(() => app.close());

  it('creates no admin and no password file without TRYG_ADMIN_*, and says what to set', async () => {
    expect(existsSync(join(app.dataDir, INITIAL_ADMIN_PASSWORD_FILE))).toBe(false);
    expect((await app.dataSource.query(`SELECT COUNT(*) AS n FROM accounts`))[0].n).toBe(0);
    expect(app.logs.text).toContain('TRYG_ADMIN_LOGIN');
  });

  it('has no test clock route in production', async () => {
    const res = await request(app.url).post('/api/v1/test/clock').set('X-Tryg-Csrf', '1').send({ advanceMs: 1000 });
    expect(res.status).toBe(404);
  });
});
