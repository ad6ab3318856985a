import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { keyRingOf } from '../common/key-ring';
import { inUse, integrityOf, keyCheckOf } from './sqlite-file';
import { loadOperationConfig, OperationError, runOperation } from './operation-context';

/**
 * `npm run restore -- <file>`: puts a backup in place of the configured SQLite database. Checks the
 * copy's integrity and that the configured DATA_KEY opens it, and refuses while Tryg has the
 * database open, all before anything is replaced. The database it replaces is kept beside it.
 */
async function main(): Promise<void> {
  const [source, ...rest] = process.argv.slice(2);
  if (!source || rest.length > 0) throw new OperationError('Usage: npm run restore -- <backup file>');
  const config = loadOperationConfig();
  if (config.database.type !== 'sqlite') {
    throw new OperationError('DATABASE_URL is PostgreSQL: restore with pg_restore (see the README, Operations).');
  }
  const backup = resolve(source);
  if (!existsSync(backup)) throw new OperationError(`There is no file ${backup}.`);
  let integrity: string;
  try {
    integrity = integrityOf(backup);
  } catch (error) {
    throw new OperationError(`${backup} is not a SQLite database (${(error as Error).message}); nothing was replaced.`);
  }
  if (integrity !== 'ok')
    throw new OperationError(`${backup} failed SQLite's integrity check (${integrity}); nothing was replaced.`);
  const ring = keyRingOf(config);
  const keys = keyCheckOf(backup, ring);
  if (!keys.ok) {
    throw new OperationError(
      `The configured DATA_KEY (key ${ring.current.id}${ring.previous ? `, previous ${ring.previous.id}` : ''}) does not open this backup ` +
        `(it needs key ${keys.keyIds.join(', ')}); nothing was replaced.`,
    );
  }
  const target = config.database.path;
  if (existsSync(target) && inUse(target)) {
    throw new OperationError(`Tryg (or another program) has ${target} open: stop it first; nothing was replaced.`);
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // Copy beside the target first, then swap: the database is never half-written.
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  let kept: string | null = null;
  if (existsSync(target)) {
    kept = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${kept}-wal`);
  }
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
  process.stdout.write(`Restored ${backup} to ${target} (integrity check: ok, the configured key opens it).\n`);
  if (kept)
    process.stdout.write(
      `The database it replaced is at ${kept}: delete it once Tryg runs as it should (it holds data too).\n`,
    );
}

runOperation(main);
