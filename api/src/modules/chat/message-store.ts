import type { MessageEntity } from './entities/message.entity';

export interface Stored {
  entity: MessageEntity;
  /** False when this client id was already stored: the earlier message is returned. */
  created: boolean;
}

/**
 * Where the message writer's batches go: one transaction per call, on the database the app runs
 * on (SQLite: `SqliteMessageStore`, prepared statements on the raw connection; PostgreSQL:
 * `TypeOrmMessageStore`). Chosen once, when the chat module is set up.
 *
 * The promise to keep: the rows arrive sealed, with their ids and times; each is numbered next in
 * its group's order (no gaps, no repeats) in the same transaction that stores it. A (member,
 * client id) that is already stored, earlier or earlier in the same batch, is not stored again:
 * the stored message is returned with `created: false`. The promise resolves only once the
 * transaction is committed (on disk); when it rejects, nothing of the batch is stored.
 */
export abstract class MessageStore {
  abstract insert(rows: readonly MessageEntity[]): Promise<Stored[]>;
}
