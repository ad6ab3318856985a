import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/load-config';
import { MIGRATIONS } from '../database/migrations';

/** The repository root, seen from api/dist/operations (or api/src/operations under ts-jest). */
export const ROOT_DIR = resolve(__dirname, '..', '..', '..');

/** What an operator reads: one line, exit 1. */
export class OperationError extends Error {}

/**
 * The configuration Tryg itself would read from this environment; unlike a start, never generates
 * a key (an operation on the data with a fresh key would find nothing it can read).
 */
export function loadOperationConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (!env.DATA_KEY && !existsSync(join(ROOT_DIR, 'data', 'data-key'))) {
    throw new OperationError('DATA_KEY is unset and there is no data/data-key: set the key Tryg runs with.');
  }
  try {
    return loadConfig({ ...env, PORT: '0' }, { rootDir: ROOT_DIR }).config;
  } catch (error) {
    if (error instanceof ConfigError) throw new OperationError(`Configuration error: ${error.message}`);
    throw error;
  }
}

/** A plain connection to Tryg's database (no app), refusing one whose schema is not this version's. */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const dataSource =
    config.database.type === 'postgres'
      ? new DataSource({
          type: 'postgres',
          url: config.database.url,
          migrations: MIGRATIONS,
          logging: false,
          extra: { max: 2 },
        })
      : new DataSource({
          type: 'better-sqlite3',
          database: config.database.path,
          migrations: MIGRATIONS,
          logging: false,
          prepareDatabase: (db: { pragma(statement: string): unknown }) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = FULL');
            db.pragma('secure_delete = ON');
            db.pragma('busy_timeout = 5000');
          },
        });
  if (config.database.type === 'sqlite' && !existsSync(config.database.path)) {
    throw new OperationError(`There is no database at ${config.database.path}.`);
  }
  await dataSource.initialize();
  if (await dataSource.showMigrations()) {
    await dataSource.destroy();
    throw new OperationError(
      'The database is not at this version of Tryg: start Tryg once (it migrates), then try again.',
    );
  }
  return dataSource;
}

/** Runs an operation's main: an OperationError prints one line and exits 1. */
export function runOperation(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof OperationError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
