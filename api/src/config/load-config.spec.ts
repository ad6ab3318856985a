import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashingSlots, PRODUCTION_PASSWORD_HASHING, TEST_PASSWORD_HASHING } from './app-config';
import { ConfigError, loadConfig } from './load-config';

const GOOD_KEY = Buffer.alloc(32, 9).toString('base64');

/** Every file and folder under `dir`, so "nothing written" is checked on the real tree. */
function treeOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe(loadConfig.name, () => {
  let rootDir: string;

  beforeEach(() => {
    rootDir = mkdtempSync(join(tmpdir(), 'tryg-config-'));
  });
  afterEach(() => rmSync(rootDir, { recursive: true, force: true }));

  const load = (env: Record<string, string | undefined>, forTests = false) => loadConfig(env, { rootDir, forTests });

  /** Loads, expects a ConfigError naming `variable` in its one-line message, and checks nothing was written. */
  function expectRefused(env: Record<string, string | undefined>, variable: string): void {
    let caught: unknown;
    try {
      load(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.variable.startsWith(variable)).toBe(true);
    expect(error.message.startsWith(`${variable}`)).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(treeOf(rootDir)).toEqual([]);
  }

  describe('refuses a bad variable, naming it, before writing anything', () => {
    // DATA_KEY is left unset in most cases, so a config that got past validation would write the key file.
    it.each([
      ['PORT', { PORT: 'abc' }],
      ['PORT', { PORT: '70000' }],
      ['PORT', { PORT: '-1' }],
      ['DATABASE_URL', { DATABASE_URL: 'mysql://db/tryg' }],
      ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgres://[bad' }],
      ['REDIS_URL', { REDIS_URL: 'not a url' }],
      ['REDIS_URL', { REDIS_URL: 'http://cache:6379' }],
      ['DATA_KEY', { DATA_KEY: Buffer.alloc(16, 1).toString('base64') }],
      ['DATA_KEY', { DATA_KEY: Buffer.alloc(33, 1).toString('base64') }],
      ['DATA_KEY', { DATA_KEY: 'not base64 at all!' }],
      ['DATA_KEY', { NODE_ENV: 'production' }],
      ['DATA_KEY', { DATABASE_URL: 'postgres://tryg@db:5432/tryg' }],
      ['DATA_KEY_PREVIOUS', { DATA_KEY: Buffer.alloc(32, 1).toString('base64'), DATA_KEY_PREVIOUS: Buffer.alloc(31, 2).toString('base64') }],
      ['DATA_KEY_PREVIOUS', { DATA_KEY: Buffer.alloc(32, 1).toString('base64'), DATA_KEY_PREVIOUS: Buffer.alloc(32, 1).toString('base64') }],
      ['TRYG_ADMIN_PASSWORD', { TRYG_ADMIN_LOGIN: 'boss' }],
      ['TRYG_ADMIN_LOGIN', { TRYG_ADMIN_PASSWORD: 'a-good-long-password' }],
      ['TRYG_ADMIN_LOGIN', { TRYG_ADMIN_LOGIN: 'has spaces', TRYG_ADMIN_PASSWORD: 'a-good-long-password' }],
      ['TRYG_ADMIN_PASSWORD', { TRYG_ADMIN_LOGIN: 'boss', TRYG_ADMIN_PASSWORD: 'short' }],
      ['TRYG_ADMIN_PASSWORD', { TRYG_ADMIN_LOGIN: 'boss.of.all', TRYG_ADMIN_PASSWORD: 'BOSS.OF.ALL' }],
      ['QUICK_EXIT_URL', { QUICK_EXIT_URL: 'weather' }],
      ['QUICK_EXIT_URL', { QUICK_EXIT_URL: 'javascript:alert(1)' }],
      ['TRUST_PROXY', { TRUST_PROXY: 'yes' }],
      ['TRUST_PROXY', { TRUST_PROXY: '99' }],
      ['NODE_ENV', { NODE_ENV: 'staging' }],
      ['CASE_RETENTION_DAYS', { CASE_RETENTION_DAYS: '0' }],
      ['CASE_RETENTION_DAYS', { CASE_RETENTION_DAYS: 'five years' }],
      ['CASE_RETENTION_DAYS', { CASE_RETENTION_DAYS: '-30' }],
    ])('%s (%j)', (variable, env) => {
      expectRefused(env, variable);
    });

    it('DATA_KEY read from a corrupt data/data-key file', () => {
      mkdirSync(join(rootDir, 'data'));
      writeFileSync(join(rootDir, 'data', 'data-key'), 'too-short\n', { mode: 0o600 });
      expect(() => load({})).toThrow(ConfigError);
      expect(() => load({})).toThrow(/^DATA_KEY/);
      expect(treeOf(rootDir)).toEqual(['data', join('data', 'data-key')]);
    });
  });

  it('accepts a full valid configuration without writing anything when DATA_KEY is given', () => {
    const { config, warnings } = load({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://tryg:pw@db:5432/tryg',
      REDIS_URL: 'redis://cache:6379',
      DATA_KEY: GOOD_KEY,
      TRYG_ADMIN_LOGIN: 'Boss.Admin',
      TRYG_ADMIN_PASSWORD: 'a-good-long-password',
      QUICK_EXIT_URL: 'https://www.dr.dk/vejret',
      TRUST_PROXY: '1',
      CASE_RETENTION_DAYS: '365',
    });
    expect(config).toEqual(
      expect.objectContaining({
        production: true,
        port: 8080,
        database: { type: 'postgres', url: 'postgres://tryg:pw@db:5432/tryg' },
        redisUrl: 'redis://cache:6379',
        admin: { login: 'boss.admin', password: 'a-good-long-password' },
        quickExitUrl: 'https://www.dr.dk/vejret',
        trustProxy: 1,
        testRoutes: false,
        dataKeyPrevious: null,
        dataKeyGeneratedAt: null,
        caseRetentionDays: 365,
      }),
    );
    expect(config.dataKey.equals(Buffer.from(GOOD_KEY, 'base64'))).toBe(true);
    expect(warnings).toEqual([]);
    expect(treeOf(rootDir)).toEqual([]);
  });

  it('defaults: port 3000, SQLite under data/, no Redis, no proxy, a neutral quick-exit page', () => {
    const { config } = load({ DATA_KEY: GOOD_KEY });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: join(rootDir, 'data', 'tryg.sqlite') });
    expect(config.redisUrl).toBeNull();
    expect(config.trustProxy).toBe(false);
    expect(config.quickExitUrl).toMatch(/^https:\/\//);
    expect(config.admin).toBeNull();
    expect(config.caseRetentionDays).toBe(1825);
  });

  it('reads DATABASE_URL=sqlite:<path> as that file', () => {
    const path = join(rootDir, 'elsewhere', 'x.sqlite');
    expect(load({ DATA_KEY: GOOD_KEY, DATABASE_URL: `sqlite:${path}` }).config.database).toEqual({
      type: 'sqlite',
      path,
    });
  });

  it('generates a missing data key once into data/data-key with mode 0600, with a warning, and reuses it', () => {
    const first = load({});
    const file = join(rootDir, 'data', 'data-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.config.dataKey).toHaveLength(32);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first.config.dataKey)).toBe(true);
    expect(first.config.dataKeyGeneratedAt).not.toBeNull();
    expect(first.warnings.join('\n')).toContain(file);
    // The key itself is never part of a warning.
    expect(first.warnings.join('\n')).not.toContain(first.config.dataKey.toString('base64'));

    const second = load({});
    expect(second.config.dataKey.equals(first.config.dataKey)).toBe(true);
    expect(second.config.dataKeyGeneratedAt).toBeNull();
    expect(second.warnings).toEqual([]);
  });

  it("leaves a core to the event loop and one of libuv's 4 threads to files and crypto when hashing", () => {
    expect([1, 2, 3, 4, 16].map(hashingSlots)).toEqual([1, 1, 2, 3, 3]);
    expect(hashingSlots(0)).toBe(1);
    expect(PRODUCTION_PASSWORD_HASHING.maxConcurrent).toBe(hashingSlots(availableParallelism()));
  });

  it('uses production password hashing unless a test suite asks, and never cheap hashing in production', () => {
    expect(load({ DATA_KEY: GOOD_KEY }).config.passwordHashing).toEqual(PRODUCTION_PASSWORD_HASHING);
    expect(load({ DATA_KEY: GOOD_KEY }, true).config.passwordHashing).toEqual(TEST_PASSWORD_HASHING);
    expect(load({ DATA_KEY: GOOD_KEY, NODE_ENV: 'production' }, true).config.passwordHashing).toEqual(
      PRODUCTION_PASSWORD_HASHING,
    );
  });

  it('meets OWASP’s argon2id minimum with the production parameters', () => {
    expect(PRODUCTION_PASSWORD_HASHING.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(PRODUCTION_PASSWORD_HASHING.timeCost).toBeGreaterThanOrEqual(2);
    expect(PRODUCTION_PASSWORD_HASHING.parallelism).toBeGreaterThanOrEqual(1);
  });
});
