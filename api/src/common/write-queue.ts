import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    const result = this.tail.then(() =>
      this.dataSource.transaction(async (manager) => {
        // Take SQLite's write lock first, as BEGIN IMMEDIATE would (TypeORM's BEGIN is deferred): when
        // another process writes the file (npm run rotate-key), a transaction that read first would
        // otherwise fail with SQLITE_BUSY_SNAPSHOT instead of waiting its turn. A no-op write does it.
        await manager.query('DELETE FROM migrations WHERE 0');
        return work(manager);
      }),
    );
    // The queue continues whether this write succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
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
