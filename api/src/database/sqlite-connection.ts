import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/** better-sqlite3's database handle. */
export type SqliteDatabase = BetterSqlite3.Database;

/**
 * The one better-sqlite3 connection TypeORM holds for a SQLite data source: the same connection,
 * so statements prepared on it see (and take part in) everything TypeORM does. Only for hot
 * paths that prepare their statements once; everything else goes through TypeORM.
 */
export function sqliteConnection(dataSource: DataSource): SqliteDatabase {
  if (dataSource.options.type !== 'better-sqlite3') throw new Error(`Not a SQLite data source: ${dataSource.options.type}`);
  return (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
}
