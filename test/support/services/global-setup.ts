import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** What globalSetup leaves for globalTeardown (same process). */
export interface RunningServices {
  supervisor: ChildProcess;
}

declare global {
  var __trygTestServices: RunningServices | undefined;
}

/**
 * Starts the run's service supervisor (test/support/services/supervisor.mjs) and tells the suites
 * where it listens. It starts nothing yet: PostgreSQL, Redis and Chromium start when a suite asks.
 * Detached, with our end of its stdin as a lifeline: however this run ends, it cleans up.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__trygTestServices) return;
  const supervisor = spawn(process.execPath, [join(__dirname, 'supervisor.mjs')], {
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: process.env,
  });
  const ready = await new Promise<{ url: string; redis: boolean }>((resolve, reject) => {
    const lines = createInterface({ input: supervisor.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line) as { url: string; redis: boolean });
    });
    supervisor.once('exit', (code) => reject(new Error(`the test service supervisor exited with ${code}`)));
  });
  supervisor.stdout!.destroy();
  // Neither the child nor the pipe keeps Jest alive; closing the pipe (or dying) stops the services.
  supervisor.unref();
  (supervisor.stdin as unknown as { unref?: () => void }).unref?.();
  globalThis.__trygTestServices = { supervisor };
  // Inherited by the test workers Jest starts after this.
  process.env.TRYG_TEST_SERVICES_URL = ready.url;
  process.env.TRYG_TEST_REDIS = ready.redis ? 'available' : 'missing';
}
