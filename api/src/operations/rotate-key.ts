import { keyRingOf } from '../common/key-ring';
import { KeyRotation, type KeyStatus } from './key-rotation/key-rotation';
import { loadOperationConfig, openDatabase, OperationError, runOperation } from './operation-context';

/**
 * `npm run rotate-key`: re-encrypts everything under DATA_KEY, reading with DATA_KEY_PREVIOUS, in
 * batches, while Tryg serves (start Tryg with both keys first). Safe to run again after a crash.
 * `npm run rotate-key -- --status [--json]`: which keys are still needed, and by what.
 * `--batch-size=N` (default 200) rows per transaction, `--pause-ms=N` between batches: gentler on a busy Tryg.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const number = (name: string) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    if (arg === undefined) return undefined;
    const value = Number(arg.slice(name.length + 3));
    if (!Number.isInteger(value) || value < 0 || value > 100000)
      throw new OperationError(`--${name} must be a whole number.`);
    return value;
  };
  const unknown = args.filter((a) => a !== '--status' && a !== '--json' && !/^--(batch-size|pause-ms)=/.test(a));
  if (unknown.length > 0)
    throw new OperationError(
      `Unknown argument ${unknown[0]}: use --status [--json], or --batch-size=N and --pause-ms=N.`,
    );
  const batchSize = number('batch-size');
  if (batchSize === 0) throw new OperationError('--batch-size must be at least 1.');
  const config = loadOperationConfig();
  const ring = keyRingOf(config);
  const dataSource = await openDatabase(config);
  try {
    const rotation = new KeyRotation(dataSource, ring, {
      batchSize,
      pauseMs: number('pause-ms'),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    if (args.includes('--status')) {
      const status = await rotation.status();
      process.stdout.write(args.includes('--json') ? `${JSON.stringify(status)}\n` : describe(status));
      return 0;
    }
    if (!ring.previous)
      throw new OperationError(
        'DATA_KEY_PREVIOUS is unset: set it to the old key and DATA_KEY to the new one (and restart Tryg with both), then rotate.',
      );
    process.stdout.write(`Rotating from key ${ring.previous.id} to key ${ring.current.id}…\n`);
    const result = await rotation.rotate();
    for (const [place, count] of Object.entries(result.unreadable)) {
      process.stdout.write(
        `${place}: ${count} value(s) open under no configured key (changed or moved): left as they are\n`,
      );
    }
    for (const problem of result.problems) process.stdout.write(`${problem}\n`);
    process.stdout.write(describe(await rotation.status()));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function describe(status: KeyStatus): string {
  const lines = [`Current key: ${status.current} (DATA_KEY)`];
  const others = Object.keys(status.needs).filter((id) => id !== status.current);
  if (status.previous && !others.includes(status.previous)) {
    lines.push(
      `Previous key ${status.previous} (DATA_KEY_PREVIOUS) is free: nothing needs it any more.`,
      'Remove DATA_KEY_PREVIOUS, restart Tryg, and destroy every copy of the old key.',
    );
  }
  for (const id of others) {
    const label =
      id === status.previous
        ? `Previous key ${id} (DATA_KEY_PREVIOUS)`
        : `Key ${id} (not configured: this data cannot be read)`;
    lines.push(`${label} is still needed by:`);
    for (const need of status.needs[id]) lines.push(`  ${need.count} ${need.what} — until ${need.until}`);
  }
  if (!status.previous && others.length === 0) lines.push('No other key is needed.');
  return `${lines.join('\n')}\n`;
}

runOperation(main);
