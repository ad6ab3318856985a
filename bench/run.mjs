// `npm run bench [-- <name…>] [--steps=20,50,100] [--send-only=180] [--rate=4.5] [--seconds=8] [--warmup=2]
//   [--listeners=2] [--profile=DIR]`
// Runs the benchmarks (all by default) against the built app. Measurements, not tests: the exit
// code is 0 when a target is missed and 1 only when a benchmark could not run.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatThroughput, DEFAULTS as CHAT_DEFAULTS } from './chat-throughput.mjs';
import { cleanUp, cleanUpOnSignals } from './lib/processes.mjs';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every benchmark, in the order they run. Add new ones here. */
const BENCHMARKS = [
  {
    name: 'chat-throughput',
    description: "chat send path: Tryg vs a plain socket.io server (target: ≥ 0.5 of the plain server's throughput)",
    run: (args) => chatThroughput(rootDir, chatOptions(args)),
  },
];

function positiveNumber(name, raw) {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

const CHAT_OPTIONS = ['steps', 'send-only', 'rate', 'seconds', 'warmup', 'listeners', 'profile'];

function chatOptions(args) {
  const unknown = Object.keys(args).filter((key) => !CHAT_OPTIONS.includes(key));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown.join(', --')}; see bench/README.md`);
  const options = { ...CHAT_DEFAULTS };
  if (args.steps) options.steps = args.steps.split(',').map((s) => Math.round(positiveNumber('steps', s)));
  if (args['send-only'] !== undefined) {
    options.sendOnly = args['send-only'] === '0' ? 0 : Math.round(positiveNumber('send-only', args['send-only']));
  }
  if (args.rate) options.rate = positiveNumber('rate', args.rate);
  if (args.seconds) options.measureSeconds = positiveNumber('seconds', args.seconds);
  if (args.warmup) options.warmupSeconds = positiveNumber('warmup', args.warmup);
  if (args.listeners) options.listeners = Math.round(positiveNumber('listeners', args.listeners));
  // The bench group holds 200 members, the listeners included.
  if (Math.max(...options.steps, options.sendOnly) + options.listeners > 195) {
    throw new Error('at most 195 senders + listeners: the bench group holds 200 members');
  }
  if (args.profile) {
    options.profileDir = resolve(args.profile);
    mkdirSync(options.profileDir, { recursive: true });
  }
  return options;
}

function parseArgs(argv) {
  const names = [];
  const args = {};
  for (const arg of argv) {
    const match = arg.match(/^--([a-z-]+)=(.*)$/);
    if (match) args[match[1]] = match[2];
    else if (arg === '--help' || arg === '-h') args.help = 'yes';
    else names.push(arg);
  }
  return { names, args };
}

async function main() {
  const { names, args } = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write('Benchmarks (see bench/README.md):\n');
    for (const b of BENCHMARKS) process.stdout.write(`  ${b.name.padEnd(18)}${b.description}\n`);
    return 0;
  }
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const selected = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
  for (const benchmark of selected) {
    process.stdout.write(`\n== ${benchmark.name} (${new Date().toISOString()}) ==\n`);
    try {
      await benchmark.run(args);
    } finally {
      await cleanUp();
    }
  }
  return 0;
}

cleanUpOnSignals();
main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await cleanUp();
    process.exit(1);
  },
);
