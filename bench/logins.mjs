// Part 4 — Logins. How many sign-ins per second the app serves at the production argon2id cost,
// against the raw argon2 verify rate of a plain node process on the same machine in the same run;
// and whether the chat stays responsive while a storm of logins runs (chat ack p99 with and without).
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { closeRoom, openRoom, runStep } from './lib/chat-load.mjs';
import { createLoginAccounts, login } from './lib/logins-accounts.mjs';
import { cpuTimeMs, eventLoopTotals } from './lib/processes.mjs';
import { checkBuilt, seedTryg, startTryg } from './lib/tryg-server.mjs';
import { percentile, round } from './lib/stats.mjs';

export const name = 'logins';
export const title = 'Logins';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run_ = promisify(execFile);

const DEFAULTS = {
  full: { accounts: 40, storm: 24, chatSenders: 10, chatRate: 2, warmup: 2, seconds: 10, rawSeconds: 5 },
  quick: { accounts: 4, storm: 4, chatSenders: 4, chatRate: 3, warmup: 0.3, seconds: 1, rawSeconds: 0.5 },
};
// The chat must stay usable while people sign in: the same bar as the many-rooms knee.
const CHAT_P99_TARGET_MS = 50;


/** The app's argon2id parameters and hashing cap, read from the built app itself. */
function appHashing() {
  const require = createRequire(import.meta.url);
  const config = require(join(rootDir, 'api', 'dist', 'config', 'app-config.js'));
  return config.PRODUCTION_PASSWORD_HASHING;
}

/** Raw argon2 verify rate in a separate plain node process (see lib/logins-raw-argon2.mjs). */
async function rawVerifyRate({ memoryCost, timeCost, parallelism }, concurrency, seconds) {
  const script = join(rootDir, 'bench', 'lib', 'logins-raw-argon2.mjs');
  const { stdout } = await run_(
    process.execPath,
    [script, memoryCost, timeCost, parallelism, concurrency, seconds].map(String),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/**
 * `inFlight` loops each signing in again as soon as its previous login answered, until `stopAt`;
 * only logins that finish inside [from, to] are counted.
 */
async function loginStorm(baseUrl, accounts, { inFlight, from, to }) {
  const latencies = [];
  const failures = {};
  let next = 0;
  const loop = async () => {
    while (performance.now() < to) {
      const account = accounts[next++ % accounts.length];
      const result = await login(baseUrl, account);
      const end = performance.now();
      if (end < from || end > to) continue;
      if (result.ok) latencies.push(result.ms);
      else failures[result.status] = (failures[result.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / ((to - from) / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures,
  };
}

export async function run({ quick, args = {}, log }) {
  const o = { ...DEFAULTS[quick ? 'quick' : 'full'] };
  for (const key of Object.keys(o)) if (args[key] !== undefined) o[key] = Number(args[key]);
  const cores = availableParallelism();
  const hashing = appHashing();
  const cap = hashing.maxConcurrent;
  log(
    `argon2id m=${hashing.memoryCost} t=${hashing.timeCost} p=${hashing.parallelism}, app cap ${cap} at once, ${cores} cores`,
  );

  // The baseline with the app idle: at the app's cap just before and just after the storm alone,
  // whose mean is its baseline (adjacent windows, so other work on the machine weighs on both
  // alike); and once with a hash per core, for what the cap leaves unused.
  const raw = { [cap]: [], [cores]: [] };
  const measureRaw = async (concurrency) => {
    const result = await rawVerifyRate(hashing, concurrency, o.rawSeconds);
    raw[concurrency].push(result);
    log(
      `raw argon2 verify, ${concurrency} at once: ${result.perSecond.toFixed(1)}/s, ${result.cpuMsPerVerify.toFixed(1)} ms CPU each`,
    );
  };
  if (cores !== cap) await measureRaw(cores);

  const main = checkBuilt(rootDir);
  const server = await startTryg(rootDir, main);
  const { groupId, tokens } = await seedTryg(server, o.chatSenders);
  const accounts = await createLoginAccounts(server, o.accounts);
  log(`seeded ${o.chatSenders} chat members and ${o.accounts} login accounts`);

  /** A storm of `o.storm` logins in flight: warm-up, then the measured window, with the server's CPU over it. */
  const stormWindow = async (alongside = () => null) => {
    const from = performance.now() + o.warmup * 1000;
    const to = from + o.seconds * 1000;
    const cpuAt = (t) => sleep(t - performance.now()).then(() => cpuTimeMs(server.handle));
    const [storm, cpuFrom, cpuTo, other] = await Promise.all([
      loginStorm(server.baseUrl, accounts, { inFlight: o.storm, from, to }),
      cpuAt(from),
      cpuAt(to),
      alongside(),
    ]);
    const cpuPerLoginMs = cpuFrom === null ? NaN : (cpuTo - cpuFrom) / (storm.perSecond * o.seconds);
    const failed = Object.entries(storm.failures).map(([status, n]) => `${n}× ${status}`);
    return { ...storm, cpuPerLoginMs, failed, other };
  };
  const describe = (s) =>
    `${s.perSecond.toFixed(1)} logins/s, p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${s.cpuPerLoginMs.toFixed(1)} ms server CPU each, failed: ${s.failed.join(', ') || 'none'}`;

  const probeServer = async () => ({ cpuMs: cpuTimeMs(server.handle), loop: await eventLoopTotals(server.handle) });
  const members = await openRoom({ baseUrl: server.baseUrl, groupId, tokens, senders: o.chatSenders, listeners: 0 });
  let calm;
  let withChat;
  try {
    const step = { groupId, rate: o.chatRate, warmupMs: o.warmup * 1000, measureMs: o.seconds * 1000, probeServer };
    calm = await runStep(members, step);
    log(`chat alone: ${calm.acked.toFixed(1)} acks/s, p50 ${calm.p50.toFixed(1)} ms, p99 ${calm.p99.toFixed(1)} ms`);
    withChat = await stormWindow(() => runStep(members, step));
  } finally {
    closeRoom(members);
  }
  const stormy = withChat.other;
  log(`login storm with the chat: ${describe(withChat)}`);
  log(
    `chat during the storm: ${stormy.acked.toFixed(1)} acks/s, p50 ${stormy.p50.toFixed(1)} ms, p99 ${stormy.p99.toFixed(1)} ms, refused ${JSON.stringify(stormy.refused)}, timeouts ${stormy.timedOut}`,
  );

  // Then the logins alone, the app warmed up by the storm above, between two raw runs.
  await measureRaw(cap);
  const alone = await stormWindow();
  log(`login storm alone (${o.storm} in flight): ${describe(alone)}`);
  await measureRaw(cap);

  const mean = (runs, key) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  const atCap = mean(raw[cap], 'perSecond');
  const atCores = Math.max(...raw[cores].map((r) => r.perSecond));
  const rawCpu = mean(raw[cap], 'cpuMsPerVerify');
  const ratio = alone.perSecond / atCap;
  const failed = [...alone.failed, ...withChat.failed].join(', ') || 'none';
  return {
    rows: [
      {
        measure: `logins/s (${o.storm} in flight) vs raw verify, ${cap} at once`,
        tryg: round(alone.perSecond),
        baseline: round(atCap),
        unit: '/s',
        ratio: round(ratio, 2),
        target: '≥ 0.9',
        met: ratio >= 0.9,
      },
      {
        measure: 'logins/s with the chat running, vs the same raw',
        tryg: round(withChat.perSecond),
        baseline: round(atCap),
        unit: '/s',
        ratio: round(withChat.perSecond / atCap, 2),
        target: null,
        met: null,
      },
      {
        measure: 'CPU per login vs per raw verify',
        tryg: round(alone.cpuPerLoginMs),
        baseline: round(rawCpu),
        unit: 'ms',
        ratio: round(alone.cpuPerLoginMs / rawCpu, 2),
        target: null,
        met: null,
      },
      {
        measure: 'login p99 in the storm',
        tryg: round(alone.p99, 0),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: null,
        met: null,
      },
      {
        measure: 'chat ack p99: storm vs none',
        tryg: round(stormy.p99),
        baseline: round(calm.p99),
        unit: 'ms',
        ratio: round(stormy.p99 / calm.p99, 2),
        target: `≤ ${CHAT_P99_TARGET_MS} ms`,
        met: stormy.p99 <= CHAT_P99_TARGET_MS,
      },
    ],
    lost: 0,
    duplicated: 0,
    notes: [
      `raw = argon2.verify with the app's parameters in a plain node process: ${cap} at once (the app's cap) ${raw[cap].map((r) => r.perSecond.toFixed(1)).join(' and ')}/s just before and after the storm (the baseline is their mean), ${cores} at once (one per core) ${atCores.toFixed(1)}/s`,
      `a login = HTTP, throttle check, account lookup, verify, session and audit rows committed (fsync); CPU per login is the server process's (every thread) over the storm window`,
      `chat: ${o.chatSenders} members sending ${o.chatRate}/s each in an open room, alone and then during the storm; failed logins: ${failed}`,
    ],
  };
}
