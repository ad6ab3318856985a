import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import { createTestDatabase } from '../support/postgres';
import { describeWithRedis, redisAvailable, startRedis } from '../support/services';
import { REPO_ROOT } from '../support/test-app';

/** Alive and not a zombie (a zombie is gone in every way that matters). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

async function ping(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

/**
 * A nested test run (probe.jest.config.js) that starts PostgreSQL, Redis and Chromium the way every
 * run does; `interrupt` ends it as Ctrl-C in a terminal does (SIGINT to its whole process group).
 */
interface ProbeRun {
  pids: number[];
  paths: string[];
  postgres: string;
  exitCode: number | null;
}

/** PostgreSQL (unless the run used a server it did not start), Redis (where there is one) and Chromium. */
function expectedServices(run: ProbeRun): number {
  return (run.postgres === 'embedded' ? 1 : 0) + (redisAvailable() ? 1 : 0) + 1;
}

async function probeRun(interrupt: boolean): Promise<ProbeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tryg-probe-'));
  const out = join(dir, 'status.json');
  const env: NodeJS.ProcessEnv = { ...process.env, TRYG_PROBE_OUT: out, TRYG_PROBE_WAIT: interrupt ? '1' : '0' };
  delete env.TRYG_TEST_SERVICES_URL;
  const run = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      join(REPO_ROOT, 'test', 'support', 'services', 'probe.jest.config.js'),
    ],
    { cwd: REPO_ROOT, env, detached: true, stdio: 'ignore' },
  );
  let exited = false;
  const ended = new Promise<number | null>((resolve) =>
    run.once('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  /** The probe's report (written whole, then renamed into place), read before the run is ended. */
  const report = (): Omit<ProbeRun, 'exitCode'> => {
    if (!existsSync(out)) throw new Error('the probe run ended without reporting its services');
    return JSON.parse(readFileSync(out, 'utf8')) as Omit<ProbeRun, 'exitCode'>;
  };
  try {
    if (interrupt) {
      // Until the services run (however long a loaded machine takes), or the probe gave up.
      expect(await until(() => existsSync(out) || exited, 100_000)).toBe(true);
      const status = report();
      process.kill(-run.pid!, 'SIGINT');
      return { ...status, exitCode: await ended };
    }
    const exitCode = await ended;
    return { ...report(), exitCode };
  } finally {
    if (run.exitCode === null && run.signalCode === null) process.kill(-run.pid!, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the services a test run starts', () => {
  it('gives each suite its own empty PostgreSQL database and drops it', async () => {
    const [one, two] = [await createTestDatabase(), await createTestDatabase()];
    expect(one.url).not.toBe(two.url);
    const a = new PgClient({ connectionString: one.url });
    const b = new PgClient({ connectionString: two.url });
    await a.connect();
    await b.connect();
    try {
      await a.query('CREATE TABLE only_in_one (x int)');
      const seen = await b.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'only_in_one'`,
      );
      expect(seen.rows[0].n).toBe(0);
    } finally {
      await a.end();
      await b.end();
    }
    await one.drop();
    const gone = new PgClient({ connectionString: one.url });
    await expect(gone.connect()).rejects.toThrow(/does not exist/);
    await two.drop();
  });

  it('removes PostgreSQL, Redis and Chromium with their files when the run ends', async () => {
    const run = await probeRun(false);
    expect(run.exitCode).toBe(0);
    expect(run.postgres).not.toBe('not started');
    expect(run.pids.length).toBe(expectedServices(run));
    expect(run.pids.filter(running)).toEqual([]);
    expect(run.paths.length).toBeGreaterThan(0);
    expect(run.paths.filter((path) => existsSync(path))).toEqual([]);
  }, 120_000);

  it('removes them too when the run is interrupted with Ctrl-C', async () => {
    const run = await probeRun(true);
    expect(run.exitCode).not.toBe(0);
    expect(run.pids.length).toBe(expectedServices(run));
    expect(await until(() => run.pids.filter(running).length === 0, 30_000)).toBe(true);
    expect(await until(() => run.paths.every((path) => !existsSync(path)), 30_000)).toBe(true);
  }, 180_000);
});

describeWithRedis('a test Redis', () => {
  it('runs on its own port, stops, and comes back on the same port', async () => {
    const redis = await startRedis();
    try {
      expect(redis.port).not.toBe(6379);
      expect(await ping(redis.url)).toBe('PONG');
      await redis.stop();
      await expect(ping(redis.url)).rejects.toThrow();
      await redis.start();
      expect(await ping(redis.url)).toBe('PONG');
      await redis.kill();
      await expect(ping(redis.url)).rejects.toThrow();
      await redis.start();
      expect(await ping(redis.url)).toBe('PONG');
    } finally {
      await redis.remove();
    }
  });
});
