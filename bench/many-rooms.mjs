// Part 1 — Many rooms. 1,000 signed-in members in 100 open rooms of 10 (lib/members-seed.mjs),
// every member sending at a steady rate (open loop), the offered load rising step by step until
// the knee: the highest load at which the p99 from send to receipt, as the receivers measure it,
// is ≤ 50 ms and every acknowledged message reached every member of its room exactly once. The
// plain socket.io server (lib/plain-chat-server.mjs) takes the same steps in the same run,
// interleaved (Tryg, then plain, at each load). Target: Tryg's knee ≥ 0.7× the plain server's.
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startAppWithMembers } from './lib/members-seed.mjs';
import { cpuTimeMs, eventLoopTotals } from './lib/processes.mjs';
import { connectAll, dealRooms, startPlain, startWorkers, stepAll } from './lib/rooms-load.mjs';
import { checkBuilt } from './lib/tryg-server.mjs';
import { percentile, round } from './lib/stats.mjs';

export const name = 'many-rooms';
export const title = 'Many rooms';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const DEFAULTS = {
  full: {
    rooms: 100,
    perRoom: 10,
    workers: 2,
    loads: [50, 100, 200, 300, 500, 700, 900, 1100, 1300, 1600, 2000, 2500, 3000, 3500, 4000, 4500],
    warmup: 1,
    seconds: 4,
    grace: 0.5,
  },
  quick: { rooms: 10, perRoom: 10, workers: 2, loads: [200], warmup: 0.5, seconds: 1, grace: 0.2 },
};
const P99_LIMIT_MS = 50;
const KNEE_RATIO_TARGET = 0.7;
// Tryg allows a member 10 messages per 2 s; a steady 4.5/s stays inside it.
const MAX_RATE_PER_MEMBER = 4.5;
// A load is past the knee after this many failing steps in a row (one may be the machine's noise).
const FAILS_TO_STOP = 2;

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** Why a step is past the knee (empty when it is within it). */
function failures(r) {
  const why = [];
  if (!(r.p99 <= P99_LIMIT_MS)) why.push(`p99 ${fmt(r.p99, 1)} ms`);
  if (r.lost) why.push(`${r.lost} lost`);
  if (r.duplicated) why.push(`${r.duplicated} duplicated`);
  if (r.timedOut) why.push(`${r.timedOut} ack timeouts`);
  const refused = Object.entries(r.refused).map(([code, n]) => `${n}× ${code}`);
  if (refused.length) why.push(`refused ${refused.join(' ')}`);
  if (r.skipped) why.push(`${r.skipped} sends skipped (20 unacked)`);
  // Sends are on a schedule with random phases, so a short window holds a few % more or less.
  if (r.acked < 0.9 * r.offered) why.push(`acked ${fmt(r.acked)} of ${r.offered}/s`);
  return why;
}

export async function run({ quick, args = {}, log }) {
  const o = { ...DEFAULTS[quick ? 'quick' : 'full'] };
  for (const key of ['rooms', 'perRoom', 'workers', 'warmup', 'seconds', 'grace']) {
    if (args[key] !== undefined) o[key] = Number(args[key]);
  }
  if (args.loads) o.loads = args.loads.split(',').map(Number);
  const members = o.rooms * o.perRoom;
  const loads = o.loads.filter((load) => load / members <= MAX_RATE_PER_MEMBER + 1e-9);
  const cores = availableParallelism();
  const main = checkBuilt(rootDir);

  let t = Date.now();
  // --profile=DIR: a V8 CPU profile of the Tryg process, written when it stops (it slows Tryg down).
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : [];
  const [{ server: tryg, rooms }, plain] = await Promise.all([
    startAppWithMembers(rootDir, main, { rooms: o.rooms, perRoom: o.perRoom, nodeArgs: profile }),
    startPlain(rootDir),
  ]);
  log(`seeded ${members} members in ${o.rooms} rooms of ${o.perRoom} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const workers = startWorkers(rootDir, o.workers);
  const trygShares = dealRooms(
    rooms.map((r) => ({ groupId: r.groupId, tokens: r.tokens, size: o.perRoom })),
    workers,
  );
  const plainShares = dealRooms(
    rooms.map((_, g) => ({ groupId: `bench-room-${g + 1}`, tokens: null, size: o.perRoom })),
    workers,
  );
  t = Date.now();
  await connectAll(workers, trygShares, { target: 'tryg', baseUrl: tryg.baseUrl });
  const trygConnectS = (Date.now() - t) / 1000;
  t = Date.now();
  await connectAll(workers, plainShares, { target: 'plain', baseUrl: plain.baseUrl });
  log(
    `${members} sockets joined their rooms: tryg in ${trygConnectS.toFixed(1)} s, plain in ${((Date.now() - t) / 1000).toFixed(1)} s; ${o.workers} load processes`,
  );

  const servers = { tryg, plain };
  let lost = 0;
  let duplicated = 0;
  const measure = async (target, load) => {
    const warmupMs = o.warmup * 1000;
    const measureMs = o.seconds * 1000;
    const startAt = Date.now() + 300;
    const handle = servers[target].handle;
    // CPU time, and how busy the event loop was (busy includes time blocked in synchronous SQLite
    // commits and their fsync, which CPU time does not count).
    const cpuAt = (at) =>
      sleep(Math.max(0, at - Date.now())).then(async () => ({
        cpu: cpuTimeMs(handle),
        loop: await eventLoopTotals(handle),
      }));
    const [r, at0, at1] = await Promise.all([
      stepAll(workers, { target, rate: load / members, startAt, warmupMs, measureMs, graceMs: o.grace * 1000 }),
      cpuAt(startAt + warmupMs),
      cpuAt(startAt + warmupMs + measureMs),
    ]);
    if (handle.exited) throw new Error(`${handle.name} exited during the run:\n${handle.output()}`);
    const seconds = o.seconds;
    const serverCpuMs = at0.cpu === null || at1.cpu === null ? NaN : at1.cpu - at0.cpu;
    const loopActive = at0.loop && at1.loop ? at1.loop.active - at0.loop.active : NaN;
    const loopBusyPct = (100 * loopActive) / (loopActive + (at1.loop?.idle ?? NaN) - (at0.loop?.idle ?? NaN));
    const result = {
      target,
      offered: load,
      acked: r.ackedInWindow / seconds,
      deliveries: r.deliveries / seconds,
      p50: percentile(r.latencies, 0.5),
      p95: percentile(r.latencies, 0.95),
      p99: percentile(r.latencies, 0.99),
      serverCpuPct: serverCpuMs / (seconds * 10),
      loopBusyPct,
      cpuPerMsgUs: (serverCpuMs * 1000) / r.ackedInWindow,
      cpuPerDeliveryUs: (serverCpuMs * 1000) / r.deliveries,
      clientCpuPct: r.clientCpuMs / (seconds * 10),
      clientCpuMaxPct: r.clientCpuMaxMs / (seconds * 10),
      lost: r.lost,
      duplicated: r.duplicated,
      timedOut: r.timedOut,
      refused: r.refused,
      skipped: r.skipped,
    };
    result.why = failures(result);
    log(
      `${target.padEnd(5)} ${String(load).padStart(5)} msg/s offered: acked ${fmt(result.acked)}/s, ${fmt(result.deliveries)} deliveries/s, ` +
        `p50/p95/p99 ${fmt(result.p50, 1)}/${fmt(result.p95, 1)}/${fmt(result.p99, 1)} ms, server cpu ${fmt(result.serverCpuPct)}%, loop busy ${fmt(result.loopBusyPct)}% ` +
        `(${fmt(result.cpuPerMsgUs)} µs/msg, ${fmt(result.cpuPerDeliveryUs)} µs/delivery), client cpu ${fmt(result.clientCpuPct)}% ` +
        `(busiest process ${fmt(result.clientCpuMaxPct)}%)${result.why.length ? ` — past the knee: ${result.why.join(', ')}` : ''}`,
    );
    return result;
  };

  // One unmeasured step per server first, so neither is measured cold (JIT, caches, pools).
  for (const target of ['tryg', 'plain']) {
    const r = await stepAll(workers, {
      target,
      rate: loads[0] / members,
      startAt: Date.now() + 100,
      warmupMs: 0,
      measureMs: o.warmup * 2000,
      graceMs: o.grace * 1000,
    });
    lost += r.lost;
    duplicated += r.duplicated;
  }

  const loadAtStart = loadavg()[0];
  const state = {
    tryg: { steps: [], fails: 0, knee: null },
    plain: { steps: [], fails: 0, knee: null },
  };
  for (const load of loads) {
    // Interleaved: at each load Tryg, then plain, so other work on the machine weighs on both alike.
    for (const target of ['tryg', 'plain']) {
      const s = state[target];
      if (s.fails >= FAILS_TO_STOP) continue;
      const r = await measure(target, load);
      s.steps.push(r);
      lost += r.lost;
      duplicated += r.duplicated;
      if (r.why.length === 0) {
        s.knee = r;
        s.fails = 0;
      } else s.fails++;
    }
    if (state.tryg.fails >= FAILS_TO_STOP && state.plain.fails >= FAILS_TO_STOP) break;
  }
  const loadAtEnd = loadavg()[0];

  const kt = state.tryg.knee;
  const kp = state.plain.knee;
  const plainCapped = state.plain.fails < FAILS_TO_STOP;
  const trygCapped = state.tryg.fails < FAILS_TO_STOP;
  // CPU per message and per delivery compared at the same offered load: the highest both took
  // (fixed costs — timers, presence, session touches — weigh less per message there). CPU time per
  // message is what other work on the machine distorts least, so one core's second divided by it
  // also gives each server's capacity were a core all its own.
  const atLoad = Math.max(
    ...state.tryg.steps.map((r) => r.offered).filter((l) => state.plain.steps.some((p) => p.offered === l)),
  );
  const trygAt = state.tryg.steps.find((r) => r.offered === atLoad);
  const plainAt = state.plain.steps.find((r) => r.offered === atLoad);
  const oneCore = (r) => (r && Number.isFinite(r.cpuPerMsgUs) ? 1e6 / r.cpuPerMsgUs : NaN);
  const ratio = (a, b) => (a && b && Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? round(a / b, 2) : null);
  const kneeRatio = kt && kp ? kt.offered / kp.offered : null;
  const rows = [
    {
      measure: `knee: msg/s with p99 ≤ ${P99_LIMIT_MS} ms, exactly once (${members} members, rooms of ${o.perRoom})`,
      tryg: kt ? kt.offered : 0,
      baseline: kp ? kp.offered : 0,
      unit: '/s',
      ratio: kneeRatio === null ? null : round(kneeRatio, 2),
      target: `≥ ${KNEE_RATIO_TARGET}`,
      met: kneeRatio === null ? false : kneeRatio >= KNEE_RATIO_TARGET,
    },
    {
      measure: 'deliveries/s at the knee',
      tryg: round(kt?.deliveries, 0),
      baseline: round(kp?.deliveries, 0),
      unit: '/s',
      ratio: ratio(kt?.deliveries, kp?.deliveries),
      target: null,
      met: null,
    },
    ...['p50', 'p95', 'p99'].map((p) => ({
      measure: `send→receipt ${p} at the knee`,
      tryg: round(kt?.[p], 1),
      baseline: round(kp?.[p], 1),
      unit: 'ms',
      ratio: ratio(kt?.[p], kp?.[p]),
      target: p === 'p99' ? `≤ ${P99_LIMIT_MS} ms` : null,
      met: p === 'p99' ? (kt ? kt.p99 <= P99_LIMIT_MS : null) : null,
    })),
    {
      measure: `server CPU per message at ${atLoad} msg/s (the highest load both took)`,
      tryg: round(trygAt?.cpuPerMsgUs, 0),
      baseline: round(plainAt?.cpuPerMsgUs, 0),
      unit: 'µs',
      ratio: ratio(trygAt?.cpuPerMsgUs, plainAt?.cpuPerMsgUs),
      target: null,
      met: null,
    },
    {
      measure: `server CPU per delivery at ${atLoad} msg/s`,
      tryg: round(trygAt?.cpuPerDeliveryUs, 1),
      baseline: round(plainAt?.cpuPerDeliveryUs, 1),
      unit: 'µs',
      ratio: ratio(trygAt?.cpuPerDeliveryUs, plainAt?.cpuPerDeliveryUs),
      target: null,
      met: null,
    },
    {
      measure: `server CPU / event loop busy at ${atLoad} msg/s (% of a core)`,
      tryg: trygAt ? `${fmt(trygAt.serverCpuPct)} / ${fmt(trygAt.loopBusyPct)} %` : null,
      baseline: plainAt ? `${fmt(plainAt.serverCpuPct)} / ${fmt(plainAt.loopBusyPct)} %` : null,
      unit: '',
      ratio: null,
      target: null,
      met: null,
    },
    {
      measure: 'msg/s one whole core would carry (1 s ÷ CPU per message)',
      tryg: round(oneCore(trygAt), 0),
      baseline: round(oneCore(plainAt), 0),
      unit: '/s',
      ratio: ratio(oneCore(trygAt), oneCore(plainAt)),
      target: null,
      met: null,
    },
    {
      measure: 'client CPU at the knee (all load processes, % of a core)',
      tryg: round(kt?.clientCpuPct, 0),
      baseline: round(kp?.clientCpuPct, 0),
      unit: '%',
      ratio: null,
      target: null,
      met: null,
    },
  ];
  const notes = [
    `${members} members (${o.rooms} rooms of ${o.perRoom}), each sending at load ÷ ${members} msg/s on a steady schedule; steps of ${o.warmup} s warm-up + ${o.seconds} s measured; ${o.workers} load processes holding whole rooms; ${cores} cores, load average ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`,
    `tryg past its knee at: ${
      state.tryg.steps
        .filter((r) => r.why.length)
        .map((r) => `${r.offered}/s (${r.why.join(', ')})`)
        .join('; ') || 'none'
    }` +
      (trygCapped
        ? ` — the highest load offered (${loads.at(-1)}/s, ${MAX_RATE_PER_MEMBER}/s per member) is within Tryg's knee`
        : ''),
    `plain past its knee at: ${
      state.plain.steps
        .filter((r) => r.why.length)
        .map((r) => `${r.offered}/s (${r.why.join(', ')})`)
        .join('; ') || 'none'
    }` +
      (plainCapped
        ? ` — its knee is at least the highest load offered (${loads.at(-1)}/s), so the ratio is an upper bound`
        : ''),
  ];
  if (kp && kp.clientCpuMaxPct > 85) {
    notes.push(
      `at the plain server's knee the busiest load process used ${fmt(kp.clientCpuMaxPct)}% of a core: the client may have set that knee`,
    );
  }
  return { rows, lost, duplicated, notes, steps: state };
}
