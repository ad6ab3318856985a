import Database from 'better-sqlite3';
import { Sender, type StoredRow } from './chat-load';
import { addApprovedParticipant, createGroupFixture } from './groups';
import { type AppAddress, type Client } from './test-app';

/** A meeting in progress now by the real clock (a child process runs on real time). */
async function meetingNow(fixture: Awaited<ReturnType<typeof createGroupFixture>>): Promise<void> {
  const res = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, {
    startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    durationMinutes: 120,
  });
  if (res.status !== 201) throw new Error(`meeting creation failed: ${res.status} ${res.text}`);
}

/**
 * `rooms` open rooms (no facilitator needed), each with `perRoom` approved participants ready to
 * send; the first sender of each room uses two sockets (one account, several connections).
 */
export async function openSendingRooms(app: AppAddress, admin: Client, rooms: number, perRoom: number): Promise<Sender[]> {
  const senders: Sender[] = [];
  for (let r = 0; r < rooms; r++) {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: perRoom + 2 });
    await meetingNow(fixture);
    for (let p = 0; p < perRoom; p++) {
      const participant = await addApprovedParticipant(app, fixture);
      senders.push(new Sender(`rum${r}-deltager${p}`, participant.client, participant.memberId, fixture.groupId));
    }
  }
  return senders;
}

/** The chat rows of a SQLite database file, read beside the running app (WAL lets both read). */
export function sqliteMessageRows(path: string): StoredRow[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT id, group_id AS groupId, seq, member_id AS memberId, client_message_id AS clientMessageId FROM messages')
      .all() as StoredRow[];
  } finally {
    db.close();
  }
}
