import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../common/private-file';
import { integrityOf } from './sqlite-file';
import { loadOperationConfig, OperationError, runOperation } from './operation-context';

export const BACKUP_WARNING =
  'This copy is useless without DATA_KEY and dangerous with it: keep it apart from the key (never in the same place, ' +
  'never in the same backup), and anyone who holds both can read everything in it.';

/**
 * `npm run backup -- <dir>`: a consistent copy of the SQLite database while Tryg runs (SQLite's
 * online backup), checked with SQLite's integrity check. PostgreSQL: pg_dump (README).
 */
async function main(): Promise<void> {
  const [target, ...rest] = process.argv.slice(2);
  if (!target || rest.length > 0) throw new OperationError('Usage: npm run backup -- <folder>');
  const config = loadOperationConfig();
  if (config.database.type !== 'sqlite') {
    throw new OperationError('DATABASE_URL is PostgreSQL: back it up with pg_dump (see the README, Operations).');
  }
  if (!existsSync(config.database.path)) throw new OperationError(`There is no database at ${config.database.path}.`);
  const dir = resolve(target);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `tryg-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  if (existsSync(file)) throw new OperationError(`${file} exists already.`);
  // 0600 from its first byte: the copy never exists readable by others, not even while it is written.
  ensurePrivateFile(file);
  const source = new Database(config.database.path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    // All remaining pages in one step: a copy interrupted by Tryg's writes would start over.
    await source.backup(file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // One self-contained file: the copy leaves WAL mode, so no -wal or -shm lies beside it.
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const integrity = integrityOf(file);
  if (integrity !== 'ok')
    throw new OperationError(`The copy ${file} failed SQLite's integrity check (${integrity}): do not rely on it.`);
  const megabytes = (statSync(file).size / 1024 / 1024).toFixed(1);
  process.stdout.write(`Backup written: ${file} (${megabytes} MB), integrity check: ok.\n${BACKUP_WARNING}\n`);
  if (!process.env.DATA_KEY) {
    process.stdout.write(
      'DATA_KEY comes from data/data-key: keep a copy of that key file somewhere else than this backup.\n',
    );
  }
}

runOperation(main);
