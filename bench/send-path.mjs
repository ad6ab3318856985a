// Part 2 — The send path (issue 14; formerly `chat-throughput`): chat-throughput.mjs in the part
// format. Its detailed tables go to the log; the summary rows carry the targets: server CPU per
// message on the send path ≤ 1.7× the plain socket.io server's at the same load (at most 2.8× in
// any case), and every acknowledged message delivered to every listener once.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatThroughput, DEFAULTS } from './chat-throughput.mjs';
import { round } from './lib/stats.mjs';

export const name = 'send-path';
export const aliases = ['chat-throughput'];
export const title = 'Send path';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CPU_RATIO_TARGET = 1.7;

// Quick: only the send path itself, with 10 senders (each seeded through the API: argon2).
const QUICK = { steps: [], sendOnly: 10, warmupSeconds: 0.5, measureSeconds: 1.5, rounds: 1 };

function positiveNumber(key, raw) {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number, got "${raw}"`);
  return value;
}

/** The options of `npm run bench -- send-path --steps=20,50 --send-only=180 …` (see bench/README.md). */
function options(quick, args) {
  const o = { ...DEFAULTS, ...(quick ? QUICK : {}) };
  if (args.steps) o.steps = args.steps.split(',').map((s) => Math.round(positiveNumber('steps', s)));
  if (args['send-only'] !== undefined) {
    o.sendOnly = args['send-only'] === '0' ? 0 : Math.round(positiveNumber('send-only', args['send-only']));
  }
  if (args.rate) o.rate = positiveNumber('rate', args.rate);
  if (args.seconds) o.measureSeconds = positiveNumber('seconds', args.seconds);
  if (args.warmup) o.warmupSeconds = positiveNumber('warmup', args.warmup);
  if (args.listeners) o.listeners = Math.round(positiveNumber('listeners', args.listeners));
  if (args.rounds) o.rounds = Math.max(1, Math.round(positiveNumber('rounds', args.rounds)));
  // The bench group holds 200 members, the listeners included.
  if (Math.max(...o.steps, o.sendOnly) + o.listeners > 195) {
    throw new Error('at most 195 senders + listeners: the bench group holds 200 members');
  }
  if (args.profile) {
    o.profileDir = resolve(args.profile);
    mkdirSync(o.profileDir, { recursive: true });
  }
  return o;
}


/** Messages a listener missed or got twice: every listener should get every acknowledged message once. */
function deliveryCheck(r) {
  const { expected, received } = r.listenerCheck;
  let lost = 0;
  let duplicated = 0;
  for (const n of received) {
    if (n < expected) lost += expected - n;
    // A message whose ack timed out may still be delivered: that is not a duplicate.
    else if (n > expected + r.timedOut) duplicated += n - expected - r.timedOut;
  }
  return { lost, duplicated };
}

export async function run({ quick, args = {}, log }) {
  const o = options(quick, args);
  const write = (text) => {
    for (const line of text.replace(/\n$/, '').split('\n')) log(line);
  };
  const { results } = await chatThroughput(rootDir, o, write);

  let lost = 0;
  let duplicated = 0;
  for (const step of results) {
    for (const r of [...step.rounds.flatMap((round) => [round.tryg, round.plain]), step.plainUnpaced]) {
      const check = deliveryCheck(r);
      lost += check.lost;
      duplicated += check.duplicated;
    }
  }
  const rows = [];
  const sendOnly = results.find((s) => !s.join);
  const inRoom = results.filter((s) => s.join).at(-1);
  if (sendOnly) {
    const { tryg, plain, plainUnpaced } = sendOnly;
    const cpuRatio = tryg.serverCpuPerMsgUs / plain.serverCpuPerMsgUs;
    rows.push(
      {
        measure: `server CPU per message, ${sendOnly.senders} senders at ${o.rate}/s (send path)`,
        tryg: round(tryg.serverCpuPerMsgUs, 0),
        baseline: round(plain.serverCpuPerMsgUs, 0),
        unit: 'µs',
        ratio: round(cpuRatio, 2),
        target: `≤ ${CPU_RATIO_TARGET}`,
        met: Number.isFinite(cpuRatio) ? cpuRatio <= CPU_RATIO_TARGET : null,
      },
      {
        measure: 'acked msg/s at the same offered load (send path)',
        tryg: round(tryg.acked),
        baseline: round(plain.acked),
        unit: '/s',
        ratio: round(tryg.acked / plain.acked, 2),
        target: null,
        met: null,
      },
      {
        measure: 'capacity projected to a busy loop vs plain unpaced (send path)',
        tryg: round(tryg.projectedMax, 0),
        baseline: round(plainUnpaced.projectedMax, 0),
        unit: '/s',
        ratio: round(tryg.projectedMax / plainUnpaced.projectedMax, 2),
        target: null,
        met: null,
      },
      {
        measure: 'ack p99 (send path)',
        tryg: round(tryg.p99),
        baseline: round(plain.p99),
        unit: 'ms',
        ratio: round(tryg.p99 / plain.p99, 2),
        target: null,
        met: null,
      },
    );
  }
  if (inRoom) {
    const { tryg, plain } = inRoom;
    rows.push({
      measure: `server CPU per message, room of ${inRoom.senders + o.listeners} sockets`,
      tryg: round(tryg.serverCpuPerMsgUs, 0),
      baseline: round(plain.serverCpuPerMsgUs, 0),
      unit: 'µs',
      ratio: round(tryg.serverCpuPerMsgUs / plain.serverCpuPerMsgUs, 2),
      target: null,
      met: null,
    });
  }
  return {
    rows,
    lost,
    duplicated,
    notes: [
      `${o.measureSeconds} s measured per row after ${o.warmupSeconds} s warm-up; senders paced at ${o.rate}/s each, closed loop; the detailed tables are in the log above`,
      ...(sendOnly && sendOnly.rounds.length > 1
        ? [
            `${sendOnly.rounds.length} rounds of the send path, Tryg and plain alternately, each side's median round in the table; server CPU per message, Tryg / plain µs: ` +
              sendOnly.rounds
                .map(({ tryg, plain }) => `${round(tryg.serverCpuPerMsgUs, 0)} / ${round(plain.serverCpuPerMsgUs, 0)}`)
                .join(', '),
          ]
        : []),
    ],
  };
}
