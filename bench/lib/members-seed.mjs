// Many members, signed in, in many open rooms — for the many-rooms and connections parts. A
// thousand redeems and logins through the HTTP API would spend minutes on argon2, so one template
// member goes through the real API (referral, redeem, approval, an open meeting) and the rest are
// copies of its rows written straight into a copy of that stopped app's SQLite file
// (history-app.mjs, seededDatabase): a group and its meeting per room, and per member an account,
// an approved membership and a live session whose token is made and hashed by the app's own built
// code (api/dist/common/crypto.js), as a login would. Then the app starts on the filled file, so
// it serves them as if they had signed in.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { seededDatabase } from './history-app.mjs';
import { startApp } from './tryg-server.mjs';
import { insertLike } from './template-rows.mjs';

const require = createRequire(import.meta.url);

/** Writes `rooms` groups of `perRoom` members into the stopped app's file; returns each room's tokens. */
function writeMembers({ rootDir, dbPath, templateGroupId, templateAccountId, rooms, perRoom }) {
  const Database = require(join(rootDir, 'node_modules', 'better-sqlite3'));
  const { randomToken, sha256Hex } = require(join(rootDir, 'api', 'dist', 'common', 'crypto.js'));
  const db = new Database(dbPath);
  // Seeding only (the app is stopped): the app's own connection keeps synchronous=FULL.
  db.pragma('synchronous = OFF');
  const one = (sql, ...params) => db.prepare(sql).get(...params);
  const groupRow = one('SELECT * FROM groups WHERE id = ?', templateGroupId);
  const meetingRow = one('SELECT * FROM meetings WHERE group_id = ?', templateGroupId);
  const accountRow = one('SELECT * FROM accounts WHERE id = ?', templateAccountId);
  const memberRow = one(
    'SELECT * FROM memberships WHERE account_id = ? AND group_id = ?',
    templateAccountId,
    templateGroupId,
  );
  const sessionRow = one('SELECT * FROM sessions WHERE account_id = ?', templateAccountId);
  if (!groupRow || !meetingRow || !accountRow || !memberRow || !sessionRow) {
    throw new Error('members seed: the template group, meeting, member or session is missing');
  }
  const insertGroup = insertLike(db, 'groups', groupRow);
  const insertMeeting = insertLike(db, 'meetings', meetingRow);
  const insertAccount = insertLike(db, 'accounts', accountRow);
  const insertMember = insertLike(db, 'memberships', memberRow);
  const insertSession = insertLike(db, 'sessions', sessionRow);

  const now = new Date();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + 11 * 3600_000).toISOString();
  // The meeting started 5 minutes ago and lasts 3 hours, as the template's: the rooms are open.
  const startsAt = new Date(now.getTime() - 5 * 60_000).toISOString();
  const endsAt = new Date(now.getTime() + 175 * 60_000).toISOString();
  const result = [];
  db.transaction(() => {
    for (let g = 0; g < rooms; g++) {
      const groupId = randomUUID();
      insertGroup({ ...groupRow, id: groupId, name: `Bench room ${g + 1}`, capacity: Math.max(perRoom, 10) });
      insertMeeting({ ...meetingRow, id: randomUUID(), group_id: groupId, starts_at: startsAt, ends_at: endsAt });
      const tokens = [];
      for (let m = 0; m < perRoom; m++) {
        const accountId = randomUUID();
        insertAccount({
          ...accountRow,
          id: accountId,
          login: `bench.r${g + 1}.m${m + 1}`,
          created_at: at,
          updated_at: at,
        });
        insertMember({
          ...memberRow,
          id: randomUUID(),
          group_id: groupId,
          account_id: accountId,
          display_name: `Deltager ${m + 1}`,
          approved_at: at,
          created_at: at,
          updated_at: at,
        });
        const token = randomToken(32);
        insertSession({
          ...sessionRow,
          id: randomUUID(),
          token_hash: sha256Hex(token),
          account_id: accountId,
          created_at: at,
          last_seen_at: at,
          expires_at: expiresAt,
        });
        tokens.push(token);
      }
      result.push({ groupId, tokens });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return result;
}

/**
 * Starts the built app with `rooms` open rooms of `perRoom` signed-in members each. Resolves with
 * `{ server: { handle, baseUrl }, rooms: [{ groupId, tokens }] }`. `nodeArgs` go to the app's node.
 */
export async function startAppWithMembers(rootDir, main, { rooms, perRoom, nodeArgs = [] }) {
  const { app, groupId, accountId } = await seededDatabase(rootDir, main);
  const written = writeMembers({
    rootDir,
    dbPath: app.dbPath,
    templateGroupId: groupId,
    templateAccountId: accountId,
    rooms,
    perRoom,
  });
  const server = await startApp(rootDir, main, app, nodeArgs);
  return { server, rooms: written };
}
