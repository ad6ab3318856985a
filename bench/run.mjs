// `npm run bench [-- <part…>] [--quick] [--<option>=<value>…]`
// Runs the benchmark parts (all six by default, in the order below) against the built app, then
// prints one table: part, measure, Tryg, baseline, ratio, target, met. Progress and each part's
// details go to stderr. Measurements, not tests: a missed target still exits 0; the exit code is 1
// when a message was lost or delivered twice, or a part could not run. See bench/README.md.
import { availableParallelism, loadavg } from 'node:os';
import { cleanUp, cleanUpOnSignals, cleanUpRun } from './lib/processes.mjs';

/**
 * Every part, in the order they run; each module exports `name, title, run({ quick, args, log })`
 * resolving with `{ rows: [{ measure, tryg, baseline, unit, ratio, target, met }], lost, duplicated,
 * notes }`. Imported only when it runs.
 */
const PARTS = [
  { name: 'many-rooms', load: () => import('./many-rooms.mjs') },
  { name: 'send-path', aliases: ['chat-throughput'], load: () => import('./send-path.mjs') },
  { name: 'connections', load: () => import('./connections.mjs') },
  { name: 'logins', load: () => import('./logins.mjs') },
  { name: 'history', load: () => import('./history.mjs') },
  { name: 'web', load: () => import('./web.mjs') },
];

const HELP = `Benchmarks (see bench/README.md):
  many-rooms    1,000 members in 100 rooms of 10: the knee (p99 send→receipt ≤ 50 ms, exactly once) vs plain socket.io
  send-path     the chat send path (alias chat-throughput): server CPU per message vs plain socket.io
  connections   10,000 connected members: memory per member vs plain socket.io
  logins        logins/s vs the raw argon2 rate; chat ack p99 during a login storm
  history       1,000,000 stored messages: latest 50, catch-up after 200 missed
  web           the first page's JavaScript gzipped (budget 150 KB), time to interactive throttled
Options: --quick (smaller sizes, under 90 s in all), and --<option>=<value> for the parts that know it.
`;

function parseArgs(argv) {
  const names = [];
  const args = {};
  let quick = false;
  let help = false;
  for (const arg of argv) {
    const match = arg.match(/^--([a-z][a-z0-9-]*)=(.*)$/i);
    if (match) args[match[1]] = match[2];
    else if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown flag ${arg}; see --help`);
    else names.push(arg);
  }
  return { names, args, quick, help };
}

const partOf = (name) => PARTS.find((p) => p.name === name || p.aliases?.includes(name));

function cell(value, unit = '') {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  if (typeof value === 'number') return `${value.toLocaleString('en')}${unit ? ` ${unit}` : ''}`;
  return String(value);
}

/** The one table: a row per measure, the part named on its first row. */
function printTable(results) {
  const header = ['part', 'measure', 'Tryg', 'baseline', 'ratio', 'target', 'met'];
  const lines = [];
  for (const { part, result, error } of results) {
    if (error) {
      lines.push([part, `FAILED: ${error.split('\n')[0].slice(0, 100)}`, '', '', '', '', 'no']);
      continue;
    }
    result.rows.forEach((r, i) =>
      lines.push([
        i === 0 ? part : '',
        r.measure,
        cell(r.tryg, r.unit),
        cell(r.baseline, r.unit),
        r.ratio === null || r.ratio === undefined ? '-' : `${r.ratio}×`,
        r.target ?? '-',
        r.met === null || r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
      ]),
    );
    if (result.lost > 0 || result.duplicated > 0) {
      lines.push(['', 'messages lost / duplicated', cell(result.lost), cell(result.duplicated), '', '0 / 0', 'NO']);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const numeric = new Set([2, 3, 4]);
  const row = (cells) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [row(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let previousPart = null;
  for (const l of lines) {
    if (l[0] && previousPart !== null) out.push('');
    if (l[0]) previousPart = l[0];
    out.push(row(l));
  }
  process.stdout.write(`\n${out.join('\n')}\n`);
}

async function main() {
  const { names, args, quick, help } = parseArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(HELP);
    return 0;
  }
  const unknown = names.filter((n) => !partOf(n));
  if (unknown.length > 0) {
    throw new Error(`unknown part ${unknown.join(', ')}; known: ${PARTS.map((p) => p.name).join(', ')}`);
  }
  const selected = names.length > 0 ? PARTS.filter((p) => names.some((n) => partOf(n) === p)) : PARTS;
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const results = [];
  for (const part of selected) {
    const partStarted = Date.now();
    process.stderr.write(`\n== ${part.name}${quick ? ' (quick)' : ''} · ${new Date().toISOString()} ==\n`);
    const log = (line) => process.stderr.write(`  [${part.name}] ${line}\n`);
    try {
      const module = await part.load();
      const result = await module.run({ quick, args, log });
      results.push({ part: part.name, result });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`  [${part.name}] FAILED: ${message}\n`);
      results.push({ part: part.name, error: error instanceof Error ? error.message : String(error) });
    } finally {
      await cleanUp();
    }
    process.stderr.write(`  [${part.name}] ${((Date.now() - partStarted) / 1000).toFixed(1)} s\n`);
  }

  await cleanUpRun();
  printTable(results);
  const notes = results.flatMap(({ part, result }) => (result?.notes ?? []).map((n) => `  ${part}: ${n}`));
  if (notes.length > 0) process.stdout.write(`\nNotes:\n${notes.join('\n')}\n`);
  const cores = availableParallelism();
  const loads = [loadAtStart, loadavg()[0]];
  process.stdout.write(
    `\nMachine: ${cores} cores, load average ${loads.map((l) => l.toFixed(1)).join(' at the start, ')} at the end` +
      // The benchmark itself keeps about two processes busy; more than that is other work.
      (Math.max(...loads) > cores + 1
        ? ' — other work competed for the CPU: compare ratios, not absolute numbers'
        : '') +
      '.\n',
  );
  const lost = results.reduce((sum, r) => sum + (r.result?.lost ?? 0), 0);
  const duplicated = results.reduce((sum, r) => sum + (r.result?.duplicated ?? 0), 0);
  const failed = results.filter((r) => r.error).map((r) => r.part);
  process.stdout.write(
    `\n${results.length} part${results.length === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
      `${quick ? ' (quick)' : ''}; messages lost ${lost}, duplicated ${duplicated}` +
      `${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}.\n`,
  );
  return lost > 0 || duplicated > 0 || failed.length > 0 ? 1 : 0;
}

cleanUpOnSignals();
main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await cleanUpRun();
    process.exit(1);
  },
);
