// Chat send path: Tryg (built app, real database, every rule) against a plain socket.io server
// that only numbers, broadcasts and acknowledges, under the same load on the same machine.
// The target (issue 5): Tryg reaches at least half the plain server's throughput.
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { closeRoom, openRoom, runStep } from './lib/chat-load.mjs';
import { cpuTimesMs, eventLoopTotals, freePort, startNode, waitForHttp } from './lib/processes.mjs';
import { checkBuilt, seedTryg, startTryg } from './lib/tryg-server.mjs';

export const DEFAULTS = {
  // Senders that have joined the room (every message fans out to all of them).
  steps: [20, 50, 100],
  // Then senders that send without joining: the fan-out is only to the listeners, so this step
  // loads the send path itself, with as many accounts as the group holds (0 = skip).
  sendOnly: 180,
  listeners: 2,
  // Tryg allows 10 sends per 2 s per account (5/s, burst 10); 4.5/s stays inside it.
  rate: 4.5,
  warmupSeconds: 2,
  measureSeconds: 8,
  // The send-only step runs Tryg and the plain server alternately this many times; each side's
  // figures are its median round (one server's CPU per message alone swung ±30 % between runs).
  rounds: 3,
  // A directory for a V8 CPU profile of the Tryg process (null = no profile).
  profileDir: null,
};
const TARGET_RATIO = 0.5;

async function startPlain(rootDir) {
  const port = await freePort();
  const script = join(rootDir, 'bench', 'lib', 'plain-chat-server.mjs');
  const handle = startNode('plain socket.io server', [script, String(port)], {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(handle, `${baseUrl}/api/health`);
  return { handle, baseUrl };
}

const fmt = (n, digits = 0) => (n === null ? 'max' : Number.isNaN(n) ? '-' : n.toFixed(digits));

const refusals = (r) =>
  [...Object.entries(r.refused), ...(r.timedOut ? [['timeout', r.timedOut]] : [])]
    .map(([code, n]) => `${code}:${n}`)
    .join(' ') || '0';

const COLUMNS = [
  ['server', (label) => label],
  ['senders', (_, r) => String(r.senders)],
  ['offered/s', (_, r) => fmt(r.offered)],
  ['acked/s', (_, r) => fmt(r.acked, 1)],
  ['p50 ms', (_, r) => fmt(r.p50, 1)],
  ['p95 ms', (_, r) => fmt(r.p95, 1)],
  ['p99 ms', (_, r) => fmt(r.p99, 1)],
  ['deliveries/s', (_, r) => fmt(r.deliveries)],
  ['loop busy%', (_, r) => fmt(r.loopBusyPct)],
  ['projected max/s', (_, r) => fmt(r.projectedMax)],
  ['cpu%', (_, r) => fmt(r.serverCpuPct)],
  ['cpu µs/msg', (_, r) => fmt(r.serverCpuPerMsgUs)],
  ['of it sys', (_, r) => fmt(r.serverSystemPerMsgUs)],
  ['client cpu%', (_, r) => fmt(r.clientCpuPct)],
  ['refused', (_, r) => refusals(r)],
];

let out = (text) => process.stdout.write(text);

function printTable(rows) {
  const header = COLUMNS.map(([title]) => title);
  const lines = rows.map(({ label, r }) => COLUMNS.map(([, cell]) => cell(label, r)));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out(`${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const l of lines) out(`${row(l)}\n`);
}

function listenerWarnings(label, r) {
  const { expected, received, outOfOrder } = r.listenerCheck;
  if (received.every((n) => n === expected) && outOfOrder === 0) return [];
  return [
    `  ! ${label}: listeners received ${received.join('/')} of ${expected} acknowledged messages, ${outOfOrder} out of order`,
  ];
}

/** The run with the median server CPU per message (of an odd number; the lower middle of an even one). */
export function medianRound(runs) {
  const sorted = [...runs].sort((a, b) => a.serverCpuPerMsgUs - b.serverCpuPerMsgUs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function measure(label, server, step, rate, options) {
  process.stderr.write(`  ${label}: ${step.title}, ${rate ? `${rate}/s each` : 'unpaced'}… `);
  const members = await openRoom({
    ...server,
    senders: step.senders,
    listeners: options.listeners,
    sendersJoin: step.join,
  });
  const died = () => new Error(`${server.handle.name} exited during the run:\n${server.handle.output()}`);
  let r;
  try {
    r = await runStep(members, {
      groupId: server.groupId,
      rate,
      warmupMs: options.warmupSeconds * 1000,
      measureMs: options.measureSeconds * 1000,
      probeServer: async () => {
        const cpu = cpuTimesMs(server.handle);
        return { cpuMs: cpu?.total ?? null, systemMs: cpu?.system ?? null, loop: await eventLoopTotals(server.handle) };
      },
    });
  } catch (error) {
    throw server.handle.exited ? died() : error;
  } finally {
    closeRoom(members);
  }
  if (server.handle.exited) throw died();
  process.stderr.write(`${r.acked.toFixed(1)} acked/s\n`);
  return r;
}

function printVerdict(step) {
  const { tryg, plain, plainUnpaced } = step;
  const ratio = tryg.acked / plain.acked;
  const met = ratio >= TARGET_RATIO;
  const saturated = tryg.acked < 0.95 * tryg.offered;
  const projectedRatio = tryg.projectedMax / plainUnpaced.projectedMax;
  const costRatio = plain.serverCpuPerMsgUs / tryg.serverCpuPerMsgUs;
  const line = (text) => out(`${text}\n`);
  line(
    `\nchat send path: tryg ${tryg.acked.toFixed(1)} msg/s vs plain ${plain.acked.toFixed(1)} msg/s ` +
      `(ratio ${ratio.toFixed(2)}) — target ≥ ${TARGET_RATIO}: ${met ? 'MET' : 'MISSED'}` +
      (met && !saturated ? ' at this load (tryg not saturated; see the capacity lines)' : ''),
  );
  line(
    `  at ${step.title}: tryg ${saturated ? 'fell behind' : 'kept up with'} the offered ${tryg.offered.toFixed(0)} msg/s ` +
      `with its event loop ${fmt(tryg.loopBusyPct)}% busy; the plain server unpaced reached ${plainUnpaced.acked.toFixed(1)} msg/s ` +
      `(tryg/that ${(tryg.acked / plainUnpaced.acked).toFixed(2)}; client cpu ${fmt(plainUnpaced.clientCpuPct)}%)`,
  );
  if (!Number.isNaN(projectedRatio)) {
    line(
      `  capacity, projected to a fully busy event loop: tryg ${fmt(tryg.projectedMax)} msg/s vs plain ${fmt(plainUnpaced.projectedMax)} msg/s ` +
        `(ratio ${projectedRatio.toFixed(2)})`,
    );
  }
  if (!Number.isNaN(costRatio)) {
    line(
      `  server CPU per message at the same load: tryg ${fmt(tryg.serverCpuPerMsgUs)} µs vs plain ${fmt(plain.serverCpuPerMsgUs)} µs ` +
        `(plain/tryg ${costRatio.toFixed(2)})`,
    );
  }
  return { met, ratio, saturated, projectedRatio, costRatio };
}

/**
 * Runs the whole comparison and prints the tables and the verdict (to stdout, or to `write`).
 * Resolves with the verdict and every step's results.
 */
export async function chatThroughput(rootDir, options = DEFAULTS, write = null) {
  if (write) out = write;
  const main = checkBuilt(rootDir);
  const steps = options.steps.map((senders) => ({ senders, join: true, title: `${senders} senders in the room` }));
  if (options.sendOnly > 0) {
    steps.push({ senders: options.sendOnly, join: false, title: `${options.sendOnly} senders not in the room` });
  }
  const accounts = Math.max(...steps.map((s) => s.senders)) + options.listeners;
  process.stderr.write(`chat throughput: starting both servers and seeding ${accounts} participants…\n`);
  const [tryg, plain] = await Promise.all([startTryg(rootDir, main, options.profileDir), startPlain(rootDir)]);
  const seedStart = Date.now();
  const { groupId, tokens } = await seedTryg(tryg, accounts);
  process.stderr.write(`  seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s\n`);
  const trygServer = { handle: tryg.handle, baseUrl: tryg.baseUrl, groupId, tokens };
  const plainServer = { handle: plain.handle, baseUrl: plain.baseUrl, groupId: 'bench-room', tokens: null };

  const loadAtStart = loadavg()[0];
  const results = [];
  // Each step runs the two servers back to back, so other load on the machine hits both alike; the
  // send-only step does so `rounds` times, alternating, and keeps each side's median round.
  for (const step of steps) {
    const rounds = [];
    for (let i = 0; i < (step.join ? 1 : options.rounds); i++) {
      rounds.push({
        tryg: await measure('tryg', trygServer, step, options.rate, options),
        plain: await measure('plain', plainServer, step, options.rate, options),
      });
    }
    results.push({
      ...step,
      tryg: medianRound(rounds.map((r) => r.tryg)),
      plain: medianRound(rounds.map((r) => r.plain)),
      plainUnpaced: await measure('plain', plainServer, step, 0, options),
      rounds,
    });
  }

  const cores = availableParallelism();
  const loadAtEnd = loadavg()[0];
  out(
    `\nMachine: ${cores} cores, load average ${loadAtStart.toFixed(1)} at the first step, ${loadAtEnd.toFixed(1)} at the last` +
      // The benchmark itself keeps about two processes busy; more than that is someone else.
      (Math.max(loadAtStart, loadAtEnd) > cores + 1
        ? ' — other work competed for the CPU, so these numbers are noisy'
        : '') +
      '.\n',
  );
  out(
    `Chat send path, ${options.measureSeconds} s measured per row after ${options.warmupSeconds} s warm-up; ` +
      `one room with ${options.listeners} listeners; paced rows send ≤ ${options.rate} msg/s per sender, ` +
      `each waiting for its previous ack.\n`,
  );
  const warnings = [];
  for (const step of results) {
    out(
      `\n${step.title} (${step.join ? step.senders + options.listeners : options.listeners} sockets receive each message)\n`,
    );
    const rows =
      step.rounds.length > 1
        ? [
            ...step.rounds.flatMap((round, i) => [
              { label: `tryg, round ${i + 1}`, r: round.tryg },
              { label: `plain, round ${i + 1}`, r: round.plain },
            ]),
            { label: 'plain, unpaced', r: step.plainUnpaced },
          ]
        : [
            { label: 'tryg', r: step.tryg },
            { label: 'plain', r: step.plain },
            { label: 'plain, unpaced', r: step.plainUnpaced },
          ];
    printTable(rows);
    for (const { label, r } of rows) warnings.push(...listenerWarnings(`${step.title}, ${label}`, r));
  }
  if (warnings.length > 0) out(`\n${warnings.join('\n')}\n`);

  // The heaviest common step is the last: the most messages offered to both servers.
  return { ...printVerdict(results.at(-1)), results };
}
