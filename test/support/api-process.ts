import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { builtApiFile } from './built-api';
import { ADMIN } from './test-app';

/** A port that was free a moment ago (the process listens on it, and again on restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  url: string;
  pid: number;
  /** Everything it printed, stdout and stderr. */
  output: () => string;
  /** Resolves when the process has ended, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  signal: (signal: NodeJS.Signals) => void;
}

/**
 * The built `api/dist/main.js` as its own process (TESTING "Faults": `kill -9` must hit the real
 * process), on a given port, resolved once `/api/health` answers 200.
 */
export async function startApiProcess(port: number, env: Record<string, string>): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, [builtApiFile('main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      TRYG_ADMIN_LOGIN: ADMIN.login,
      TRYG_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (gone) throw new Error(`api/dist/main.js ended before it was healthy:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`api/dist/main.js was not healthy within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, output: () => output, exited, signal: (signal) => void child.kill(signal) };
}
