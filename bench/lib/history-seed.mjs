// The history benchmark's data: a million messages cannot go through the socket in a benchmark's
// time, so they are written straight into the app's SQLite file while the app is stopped — with
// the app's own schema (the app migrated the file at its first start) and sealed by the app's own
// built classes (api/dist), with groups, memberships, meetings and room counters consistent, so
// the app serves them exactly as if its members had written them.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { insertLike } from './template-rows.mjs';

const require = createRequire(import.meta.url);
const AUTHORS_PER_GROUP = 10;
// One message in a hundred is held by moderation: the reader must not see it (it is not theirs).
const HELD_EVERY = 100;
const HELD_OFFSET = 37;
const BODY = 'Tak fordi I lytter. Det hjælper mig at skrive det ned her, hvor det er trygt at sige det.';
const DAY_MS = 86_400_000;

/** Whether the message with this seq was stored as held (deterministic, so the benchmark knows what to expect). */
export const isHeld = (seq) => seq % HELD_EVERY === HELD_OFFSET;

/** The app's sealing, built from api/dist with the run's DATA_KEY. */
function appSealing(rootDir, dataKeyBase64) {
  const { DataCrypto } = require(join(rootDir, 'api', 'dist', 'common', 'data-crypto.service.js'));
  const { MessageSealing } = require(join(rootDir, 'api', 'dist', 'modules', 'chat', 'message-sealing.js'));
  return new MessageSealing(new DataCrypto({ dataKey: Buffer.from(dataKeyBase64, 'base64'), dataKeyPrevious: null }));
}

/**
 * Writes `groups` (an array of message counts, one per new group) into the stopped app's database.
 * Every group copies the seeded group's settings and its open meeting; it has 10 authors, fresh
 * accounts, except that the reader's account is the first author in the groups listed in
 * `readerGroups` (indexes). Messages are spread over the last 25 days, after every approval.
 * Returns per group `{ id, count, ids? }`, with every message id (by seq − 1) for the reader's groups.
 */
export function writeHistory({ rootDir, dbPath, dataKey, readerAccountId, templateGroupId, groups, readerGroups }) {
  const Database = require(join(rootDir, 'node_modules', 'better-sqlite3'));
  const db = new Database(dbPath);
  // Seeding only (the app is stopped): the app's own connection keeps synchronous=FULL.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const sealing = appSealing(rootDir, dataKey);
  const groupRow = db.prepare('SELECT * FROM groups WHERE id = ?').get(templateGroupId);
  const meetingRow = db.prepare('SELECT * FROM meetings WHERE group_id = ?').get(templateGroupId);
  const accountRow = db.prepare('SELECT * FROM accounts WHERE id = ?').get(readerAccountId);
  const memberRow = db
    .prepare('SELECT * FROM memberships WHERE account_id = ? AND group_id = ?')
    .get(readerAccountId, templateGroupId);
  if (!groupRow || !meetingRow || !accountRow || !memberRow)
    throw new Error('history seed: the seeded group, meeting or reader is missing');

  const insertGroup = insertLike(db, 'groups', groupRow);
  const insertMeeting = insertLike(db, 'meetings', meetingRow);
  const insertAccount = insertLike(db, 'accounts', accountRow);
  const insertMember = insertLike(db, 'memberships', memberRow);
  const insertCounter = db.prepare('INSERT INTO room_counters (group_id, last_seq) VALUES (?, ?)');
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, group_id, seq, member_id, client_message_id, body_sealed, content_warning_sealed, status, removed, removal_reason_sealed, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?)`,
  );

  const now = Date.now();
  const approvedAt = new Date(now - 30 * DAY_MS).toISOString();
  const firstAt = now - 25 * DAY_MS;
  const readers = new Set(readerGroups);
  const result = [];
  db.transaction(() => {
    groups.forEach((count, g) => {
      const groupId = randomUUID();
      insertGroup({
        ...groupRow,
        id: groupId,
        name: `Historik ${g + 1}`,
        created_at: approvedAt,
        updated_at: approvedAt,
      });
      insertMeeting({ ...meetingRow, id: randomUUID(), group_id: groupId });
      const authors = [];
      for (let a = 0; a < AUTHORS_PER_GROUP; a++) {
        let accountId = readerAccountId;
        if (a > 0 || !readers.has(g)) {
          accountId = randomUUID();
          insertAccount({
            ...accountRow,
            id: accountId,
            login: `bench.h${g + 1}.${a + 1}`,
            created_at: approvedAt,
            updated_at: approvedAt,
          });
        }
        const memberId = randomUUID();
        insertMember({
          ...memberRow,
          id: memberId,
          group_id: groupId,
          account_id: accountId,
          display_name: `Deltager ${a + 1}`,
          approved_at: approvedAt,
          created_at: approvedAt,
          updated_at: approvedAt,
        });
        authors.push(memberId);
      }
      const ids = readers.has(g) ? [] : null;
      const step = (25 * DAY_MS - 60_000) / count;
      for (let seq = 1; seq <= count; seq++) {
        const id = randomUUID();
        // The reader (author 0) never writes a held one, so every held message is hidden from them.
        const author = isHeld(seq) ? authors[1 + (seq % (AUTHORS_PER_GROUP - 1))] : authors[seq % AUTHORS_PER_GROUP];
        const at = new Date(firstAt + Math.floor(seq * step)).toISOString();
        insertMessage.run(
          id,
          groupId,
          seq,
          author,
          randomUUID(),
          sealing.seal('body', BODY, id, groupId),
          isHeld(seq) ? 'held' : 'delivered',
          at,
          at,
        );
        ids?.push(id);
      }
      insertCounter.run(groupId, count);
      result.push({ id: groupId, count, ids });
    });
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return result;
}
