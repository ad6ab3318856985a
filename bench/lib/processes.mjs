// Child processes and temp files of a benchmark run: started here, always stopped and removed at
// the end — on success, on error and on Ctrl-C — so a run never leaves a server or a database behind.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();
const tempDirs = new Set();
// Kept from one part to the next (a seeded template database), removed at the end of the run.
const runDirs = new Set();
const OUTPUT_LINES_KEPT = 40;
const STOP_GRACE_MS = 3000;

/** A free TCP port on 127.0.0.1 (asked of the OS, then released for the child to take). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A temp dir removed by the next cleanUp(); with `{ run: true }`, only by cleanUpRun() at the end. */
export function makeTempDir(prefix, { run = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  (run ? runDirs : tempDirs).add(dir);
  return dir;
}

/**
 * Starts `node [nodeArgs] script` with its output kept (the last lines only) so a failure can be
 * explained; the output is read continuously so a chatty child never blocks on a full pipe. An IPC
 * channel lets the benchmark ask the child how busy its event loop is (see eventLoopTotals).
 */
export function startNode(name, nodeArgs, env) {
  const child = spawn(process.execPath, nodeArgs, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const lines = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      lines.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const handle = {
    name,
    child,
    exited: false,
    exitCode: null,
    output: () => lines.join('\n'),
  };
  child.once('exit', (code, signal) => {
    handle.exited = true;
    handle.exitCode = code ?? signal;
  });
  children.add(handle);
  return handle;
}

/** Polls `url` until it answers 200; fails early, with the child's output, if the child dies. */
export async function waitForHttp(handle, url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (handle.exited)
      throw new Error(`${handle.name} exited (${handle.exitCode}) before it was ready:\n${handle.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`${handle.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${handle.output()}`);
}

async function stop(handle) {
  if (handle.exited) return;
  const exited = new Promise((resolve) => handle.child.once('exit', resolve));
  handle.child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!graceful && !handle.exited) {
    handle.child.kill('SIGKILL');
    await exited;
  }
}

/**
 * The child's cumulative event-loop time `{ idle, active }` in ms (performance.eventLoopUtilization),
 * or null if it does not answer within a second. Active time includes time blocked in synchronous
 * calls such as SQLite commits, so active/elapsed is how close the server is to its ceiling.
 */
export function eventLoopTotals(handle) {
  return new Promise((resolve) => {
    if (handle.exited || !handle.child.connected) return resolve(null);
    const timer = setTimeout(() => done(null), 1000);
    const onMessage = (message) => {
      if (message && typeof message === 'object' && message.eventLoop) done(message.eventLoop);
    };
    const done = (value) => {
      clearTimeout(timer);
      handle.child.off('message', onMessage);
      resolve(value ? { idle: value.idle, active: value.active } : null);
    };
    handle.child.on('message', onMessage);
    handle.child.send('event-loop');
  });
}

/**
 * The child's `process.memoryUsage()` after a full garbage collection when it runs with
 * `--expose-gc` (rss, heapTotal, heapUsed, external, arrayBuffers; bytes), or null.
 */
export function memoryOf(handle, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (handle.exited || !handle.child.connected) return resolve(null);
    const timer = setTimeout(() => done(null), timeoutMs);
    const onMessage = (message) => {
      if (message && typeof message === 'object' && message.memory) done(message.memory);
    };
    const done = (value) => {
      clearTimeout(timer);
      handle.child.off('message', onMessage);
      resolve(value);
    };
    handle.child.on('message', onMessage);
    handle.child.send('memory');
  });
}

let ticksPerSecond = null;

/**
 * CPU time (ms) a child has used so far, from /proc, split into user and system time (the system
 * time of a Tryg server is mostly its commits' fsyncs); null where there is no /proc.
 */
export function cpuTimesMs(handle) {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${handle.child.pid}/stat`, 'utf8');
    // Fields after "(comm)": state is the 3rd field of the line, utime the 14th and stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = (Number(fields[11]) * 1000) / ticksPerSecond;
    const system = (Number(fields[12]) * 1000) / ticksPerSecond;
    return { user, system, total: user + system };
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) a child has used so far; null where there is no /proc.
 * Comparing it across a step gives the server's CPU cost per message, which the load generator
 * sharing the machine cannot distort the way it can distort a throughput ceiling.
 */
export function cpuTimeMs(handle) {
  return cpuTimesMs(handle)?.total ?? null;
}

/** Stops every child started here and removes every temp dir. Safe to call twice. */
export async function cleanUp() {
  const handles = [...children];
  children.clear();
  await Promise.all(handles.map(stop));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** The end of a run: cleanUp(), and the dirs kept across parts too. */
export async function cleanUpRun() {
  await cleanUp();
  for (const dir of runDirs) rmSync(dir, { recursive: true, force: true });
  runDirs.clear();
}

/** Ctrl-C or a kill stops the children and removes temp files before the benchmark exits. */
export function cleanUpOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping benchmark servers…\n`);
      void cleanUpRun().finally(() => process.exit(130));
    });
  }
  // Last resort if the parent dies some other way: never leave a server listening.
  process.once('exit', () => {
    for (const handle of children) if (!handle.exited) handle.child.kill('SIGKILL');
    for (const dir of [...tempDirs, ...runDirs]) rmSync(dir, { recursive: true, force: true });
  });
}
