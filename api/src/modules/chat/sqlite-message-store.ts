import type { Statement } from 'better-sqlite3';
import type { WriteQueue } from '../../common/write-queue';
import type { SqliteDatabase } from '../../database/sqlite-connection';
import type { MessageEntity, MessageRemoval, MessageStatus } from './entities/message.entity';
import { MessageStore, type Stored } from './message-store';

interface MessageRow {
  id: string;
  group_id: string;
  seq: number;
  member_id: string | null;
  client_message_id: string;
  body_sealed: string | null;
  content_warning_sealed: string | null;
  status: MessageStatus;
  removed: MessageRemoval | null;
  removal_reason_sealed: string | null;
  created_at: string;
  updated_at: string;
}

interface Statements {
  db: SqliteDatabase;
  insert: Statement;
  lastSeq: Statement<[string], { last_seq: number }>;
  setLastSeq: Statement<[string, number]>;
  byClientId: Statement<[string | null, string], MessageRow>;
}

/** Every column of `messages`, in the insert's order (a unit test holds it to the table's own list). */
export const SQLITE_MESSAGE_COLUMNS =
  'id, group_id, seq, member_id, client_message_id, body_sealed, content_warning_sealed, status, removed, removal_reason_sealed, created_at, updated_at';

function entityOf(row: MessageRow): MessageEntity {
  return {
    id: row.id,
    groupId: row.group_id,
    seq: row.seq,
    memberId: row.member_id,
    clientMessageId: row.client_message_id,
    bodySealed: row.body_sealed,
    contentWarningSealed: row.content_warning_sealed,
    status: row.status,
    removed: row.removed,
    removalReasonSealed: row.removal_reason_sealed,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * SQLite: a batch is one BEGIN IMMEDIATE … COMMIT on the raw connection (the write queue's turn,
 * so group commit keeps synchronous=FULL), with statements prepared once: each row is one
 * `INSERT … ON CONFLICT (member_id, client_message_id) DO NOTHING` (the duplicate check is the
 * unique index itself), and each group's counter is read once and written once. A row that meets
 * its client id already stored takes no number, so the order stays gap-free. The ORM built five
 * statements per batch here and prepared each anew: that was a quarter of a send's CPU.
 */
export class SqliteMessageStore extends MessageStore {
  private statements: Statements | null = null;

  constructor(private readonly writes: WriteQueue) {
    super();
  }

  insert(rows: readonly MessageEntity[]): Promise<Stored[]> {
    return this.writes.runOnSqlite((db) => this.insertNow(db, rows));
  }

  /** Inside the transaction: all or nothing (any throw rolls the whole batch back). */
  private insertNow(db: SqliteDatabase, rows: readonly MessageEntity[]): Stored[] {
    const s = this.prepared(db);
    const lastRead = new Map<string, number>();
    const last = new Map<string, number>();
    const results = rows.map((row): Stored => {
      let before = last.get(row.groupId);
      if (before === undefined) {
        before = s.lastSeq.get(row.groupId)?.last_seq ?? 0;
        lastRead.set(row.groupId, before);
      }
      const seq = before + 1;
      const { changes } = s.insert.run(
        row.id,
        row.groupId,
        seq,
        row.memberId,
        row.clientMessageId,
        row.bodySealed,
        row.contentWarningSealed,
        row.status,
        row.removed,
        row.removalReasonSealed,
        row.createdAt.toISOString(),
        row.updatedAt.toISOString(),
      );
      if (changes === 1) {
        last.set(row.groupId, seq);
        return { entity: { ...row, seq }, created: true };
      }
      last.set(row.groupId, before);
      const earlier = s.byClientId.get(row.memberId, row.clientMessageId);
      if (!earlier) throw new Error('A message was neither stored nor found by its client id.');
      return { entity: entityOf(earlier), created: false };
    });
    for (const [groupId, seq] of last) if (seq !== lastRead.get(groupId)) s.setLastSeq.run(groupId, seq);
    return results;
  }

  /** The statements, prepared once on the connection TypeORM holds (again if it was reopened). */
  private prepared(db: SqliteDatabase): Statements {
    if (this.statements?.db === db) return this.statements;
    this.statements = {
      db,
      insert: db.prepare(
        `INSERT INTO messages (${SQLITE_MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, client_message_id) DO NOTHING`,
      ),
      lastSeq: db.prepare('SELECT last_seq FROM room_counters WHERE group_id = ?'),
      setLastSeq: db.prepare(
        'INSERT INTO room_counters (group_id, last_seq) VALUES (?, ?) ON CONFLICT (group_id) DO UPDATE SET last_seq = excluded.last_seq',
      ),
      byClientId: db.prepare(`SELECT ${SQLITE_MESSAGE_COLUMNS} FROM messages WHERE member_id = ? AND client_message_id = ?`),
    };
    return this.statements;
  }
}
