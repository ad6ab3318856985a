/**
 * The services a suite needs, started for this test run by test/support/services/supervisor.mjs
 * (Jest's globalSetup starts it): each on a free port, each gone when the run ends, also after
 * Ctrl-C. A suite never relies on a service someone else started and never shares a database.
 */

function controlUrl(): string {
  const url = process.env.TRYG_TEST_SERVICES_URL;
  if (!url)
    throw new Error(
      'TRYG_TEST_SERVICES_URL is unset: run the tests through Jest with the repository config (its globalSetup starts the services).',
    );
  return url;
}

/** One call to the supervisor; its errors carry the supervisor's message. */
export async function askServices<T>(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<T> {
  const res = await fetch(`${controlUrl()}${path}`, { method });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`test services: ${method} ${path} → ${res.status} ${body.error ?? ''}`);
  return body;
}

// ---------------------------------------------------------------- Redis

/**
 * The marker in a skipped suite's name that the run's summary accepts as the reason for a skip, and
 * that reason: both from tools/test-summary.js, which writes the line CI reads.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { NO_REDIS_REASON, NEEDS_REDIS } = require('../../tools/test-summary.js') as { NO_REDIS_REASON: string; NEEDS_REDIS: string };

/** Known when the module loads: globalSetup found (or did not find) `redis-server`. */
export function redisAvailable(): boolean {
  return process.env.TRYG_TEST_REDIS === 'available';
}

/**
 * `describe` for a suite that needs Redis. No npm package ships Redis: on a machine without
 * `redis-server` (or with TRYG_TEST_SERVICES=bundled) the suite is skipped, and the run's last
 * line says so. The only skip the run accepts.
 */
export function describeWithRedis(name: string, fn: () => void): void {
  if (redisAvailable()) describe(name, fn);
  else describe.skip(`${name} ${NEEDS_REDIS}`, fn);
}

export interface TestRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops the server (SHUTDOWN on SIGTERM); `start()` brings it back on the same port. */
  stop: () => Promise<void>;
  /** Starts it again, empty, on the same port (no-op while it runs). */
  start: () => Promise<void>;
  /** SIGKILL, as a crash would; `start()` brings it back. */
  kill: () => Promise<void>;
  /** Stops it for good (the run's end does too). */
  remove: () => Promise<void>;
}

/** A fresh `redis-server` for this suite alone, on a free port. */
export async function startRedis(): Promise<TestRedis> {
  const { id, url, port } = await askServices<{ id: string; url: string; port: number }>('POST', '/redis');
  return {
    url,
    port,
    stop: async () => void (await askServices('POST', `/redis/${id}/stop`)),
    start: async () => void (await askServices('POST', `/redis/${id}/start`)),
    kill: async () => void (await askServices('POST', `/redis/${id}/kill`)),
    remove: async () => void (await askServices('DELETE', `/redis/${id}`)),
  };
}

// ---------------------------------------------------------------- Chromium

/**
 * The run's one Chromium (the machine's, else the npm-delivered one), as a playwright browser
 * server: `chromium.connect(await chromiumEndpoint())`. Each suite's contexts are its own.
 */
export async function chromiumEndpoint(): Promise<string> {
  return (await askServices<{ wsEndpoint: string }>('POST', '/chromium')).wsEndpoint;
}

/** What the run has started and where its files are (for the clean-up tests). */
export function servicesStatus(): Promise<{
  pids: number[];
  paths: string[];
  postgres: 'embedded' | 'external' | 'not started';
}> {
  return askServices('GET', '/status');
}
