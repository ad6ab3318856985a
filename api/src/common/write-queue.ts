import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Statement } from 'better-sqlite3';
import { type SqliteDatabase, sqliteConnection } from '../database/sqlite-connection';

/**
 * Every write goes through here, in a transaction.
 *
 * Why: TypeORM shares one connection for SQLite. Two concurrent transactions on it fail, and a
 * plain write made while another request's transaction is open joins that transaction and is
 * silently lost if it rolls back. So on SQLite writes run one at a time (they take micro- to
 * milliseconds; never hash passwords or call the network inside). PostgreSQL has a pool and
 * real isolation, so there transactions run concurrently.
 */
@Injectable()
export class WriteQueue {
  private readonly logger = new Logger('WriteQueue');
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialize: boolean;
  private prepared: { db: SqliteDatabase; begin: Statement; commit: Statement } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    return this.inTurn(async () => {
      const value = await this.dataSource.transaction(async (manager) => {
        // Take SQLite's write lock first, as BEGIN IMMEDIATE would (TypeORM's BEGIN is deferred): when
        // another process writes the file (npm run rotate-key), a transaction that read first would
        // otherwise fail with SQLITE_BUSY_SNAPSHOT instead of waiting its turn. A no-op write does it.
        await manager.query('DELETE FROM migrations WHERE 0');
        return work(manager);
      });
      this.mustHaveCommitted();
      return value;
    });
  }

  /**
   * SQLite only: runs `work` on the raw connection inside BEGIN IMMEDIATE … COMMIT, in its turn
   * among the other writes. For hot paths with statements prepared once (the chat's message
   * store): no ORM on the way, and the whole transaction runs in one synchronous step, so nothing
   * else can slip a statement into it. The same promise as `run`: resolved only once committed (with
   * synchronous=FULL, on disk); on any failure rolled back, the connection reset, and rejected.
   */
  runOnSqlite<T>(work: (db: SqliteDatabase) => T): Promise<T> {
    if (!this.serialize) return Promise.reject(new Error('runOnSqlite needs a SQLite data source.'));
    return this.inTurn(() => {
      const db = this.sqlite();
      const { begin, commit } = this.transactionStatements(db);
      begin.run();
      const value = work(db);
      commit.run();
      this.mustHaveCommitted();
      return value;
    });
  }

  /** Runs `write` after the writes before it; a failed write leaves the connection out of any transaction. */
  private inTurn<T>(write: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      try {
        return await write();
      } catch (error) {
        this.resetAfterFailure();
        throw error;
      }
    });
    // The queue continues whether this write succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** A write counts as done only once SQLite is out of the transaction: committed, on disk. */
  private mustHaveCommitted(): void {
    if (this.sqlite().inTransaction) throw new Error('The write did not commit.');
  }

  /** BEGIN IMMEDIATE and COMMIT, prepared once per connection. */
  private transactionStatements(db: SqliteDatabase): { begin: Statement; commit: Statement } {
    if (this.prepared?.db !== db) this.prepared = { db, begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT') };
    return this.prepared;
  }

  /**
   * After a failed write, the connection and TypeORM must agree that no transaction is open. SQLite
   * rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY); TypeORM's
   * own ROLLBACK then fails and leaves it believing one is open, so the next writes become savepoints
   * inside a transaction that nobody commits: acknowledged, never stored. This puts both back.
   */
  private resetAfterFailure(): void {
    const connection = this.sqlite();
    if (connection.inTransaction) connection.exec('ROLLBACK');
    const runner = (this.dataSource.driver as unknown as { queryRunner?: { isTransactionActive: boolean; transactionDepth: number } }).queryRunner;
    if (runner?.isTransactionActive) {
      this.logger.warn('A failed write left the connection in a transaction: rolled back.');
      runner.isTransactionActive = false;
      runner.transactionDepth = 0;
    }
  }

  /** The one SQLite connection TypeORM writes on (better-sqlite3's handle). */
  private sqlite(): SqliteDatabase {
    return sqliteConnection(this.dataSource);
  }

  /**
   * SQLite: copies the write-ahead log into the database file and empties it. Pages from before a
   * deletion otherwise stay readable in `-wal` until SQLite's next automatic checkpoint (the main
   * file's copies are overwritten by secure_delete). PostgreSQL: nothing to do.
   */
  async checkpoint(): Promise<void> {
    if (!this.serialize) return;
    const result = this.tail.then(() => this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)') as Promise<Array<{ busy: number }>>);
    this.tail = result.catch(() => undefined);
    const [outcome] = await result;
    // Busy only while another process (a backup) reads an older snapshot; the next checkpoint empties it.
    if (outcome?.busy) this.logger.warn('The write-ahead log could not be emptied now: a reader holds it.');
  }
}
