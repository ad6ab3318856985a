import { AuditService } from '../../api/src/modules/audit/audit.service';
import { ChatRetentionService } from '../../api/src/modules/chat/chat-retention.service';
import { startMeetingNow, storeMessage } from '../support/chat-fixtures';
import { containsText, readRawBytes } from '../support/database-bytes';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { joinRoom, sendMessage } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const HOUR = 60 * 60_000;

/**
 * A stolen database after chat retention: message ids are time-ordered (UUIDv7), so any record
 * still naming a deleted message would tell when it was written. Every moderation record about a
 * message (its removal in the log and the audit trail, a report and its resolution, a crisis
 * alert) is made, the message passes its group's retention, and then no row of any table holds
 * its id; the same records about a message inside the retention period keep theirs.
 */
describe('chat retention leaves no id of a deleted message behind', () => {
  let app: TestApp;
  let fixture: GroupFixture;
  let writer: Participant;
  let reader: Participant;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false, retentionDays: 1 });
    writer = await addApprovedParticipant(app, fixture, { displayName: 'Skriver' });
    reader = await addApprovedParticipant(app, fixture, { displayName: 'Læser' });
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    app.clock.reset();
    await app.close();
  });

  /** Every moderation record that can name a message, about messages written now; their ids, and the report's. */
  async function moderatedMessages(): Promise<string[]> {
    const facilitator = fixture.facilitator.client;
    await startMeetingNow(app, fixture, 60);
    const removed = await storeMessage(app, { groupId: fixture.groupId, memberId: writer.memberId, body: 'Fjernes af facilitatoren' });
    expect((await facilitator.delete(`/groups/${fixture.groupId}/messages/${removed.id}`, { reason: 'Brud på reglerne' })).status).toBe(204);

    const reported = await storeMessage(app, { groupId: fixture.groupId, memberId: writer.memberId, body: 'Bliver anmeldt' });
    const report = await reader.client.post(`/groups/${fixture.groupId}/messages/${reported.id}/report`, { category: 'harassment' });
    expect(report.status).toBe(201);
    const resolved = await facilitator.post(`/reports/${report.body.id}/resolve`, { resolution: 'actioned', action: 'remove-message', note: 'Fjernet' });
    expect(resolved.status).toBe(200);

    const socket = await joinRoom(app, writer.client, fixture.groupId, sockets);
    const crisis = await sendMessage(socket, fixture.groupId, 'Jeg tænker på selvmord i aften');
    expect(crisis).toMatchObject({ ok: true, notice: 'crisis' });
    return [removed.id, reported.id, crisis.message!.id, report.body.id as string];
  }

  /** Every row of every table, as text: what a copy of the database shows. */
  async function everyRow(): Promise<string> {
    const tables: Array<{ name: string }> = await app.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
    const rows = await Promise.all(tables.map(async ({ name }) => `${name}: ${JSON.stringify(await app.dataSource.query(`SELECT * FROM "${name}"`))}`));
    return rows.join('\n');
  }

  it('removal, report, resolution, crisis alert and audit events forget the message; younger ones keep theirs', async () => {
    /** A day later the sessions have ended: everyone signs in again. */
    const signInAgain = async () => {
      fixture.facilitator.client = await signIn(app, fixture.facilitator.login, fixture.facilitator.password);
      reader.client = await signIn(app, reader.login, reader.password);
      writer.client = await signIn(app, writer.login, writer.password);
    };
    const old = await moderatedMessages();
    const before = await everyRow();
    for (const id of old) expect([id, before.includes(id)]).toEqual([id, true]);

    app.clock.advance(23 * HOUR);
    await signInAgain();
    const young = await moderatedMessages();
    app.clock.advance(2 * HOUR);

    // The references go with the messages or nothing goes: a failing clean-up rolls the delete back.
    const failing = jest.spyOn(app.app.get(AuditService), 'forgetSubjectsIn').mockRejectedValueOnce(new Error('disk busy'));
    await expect(app.app.get(ChatRetentionService).purge()).rejects.toThrow('disk busy');
    failing.mockRestore();
    const logged: Array<{ message_id: string | null }> = await app.dataSource.query('SELECT message_id FROM moderation_log');
    expect(logged.map((r) => r.message_id)).toEqual(expect.arrayContaining([old[0], old[1]]));
    expect(await app.dataSource.query('SELECT id FROM messages WHERE id IN (?, ?, ?)', old.slice(0, 3))).toHaveLength(3);

    expect(await app.app.get(ChatRetentionService).purge()).toBe(3); // the three old messages

    const after = await everyRow();
    const holding = (id: string) => after.split('\n').filter((table) => table.includes(id)).map((table) => table.split(':')[0]);
    for (const id of old) expect([id, holding(id)]).toEqual([id, []]);
    for (const id of young) expect([id, after.includes(id)]).toEqual([id, true]);
    // The database files as they lie on disk (the write-ahead log included): what a stolen disk shows.
    const disk = readRawBytes(app.dataDir);
    expect(containsText(disk, young[0])).toBe(true); // the scan reads ids where they are
    for (const id of old) expect([id, containsText(disk, id)]).toEqual([id, false]);

    // The log keeps what was done, when and by whom, without the message; a report goes with its message.
    const facilitator = await signIn(app, fixture.facilitator.login, fixture.facilitator.password);
    const reports = (await facilitator.get(`/groups/${fixture.groupId}/reports?status=all`)).body.items as Array<{ id: string; messageId: string }>;
    expect(reports.map((r) => [r.id, r.messageId])).toEqual([[young[3], young[1]]]);
    const log = (await facilitator.get(`/groups/${fixture.groupId}/moderation-log`)).body.items as Array<{ action: string; messageId: string | null }>;
    expect(log.filter((e) => e.action === 'message-removed')).toHaveLength(4);
    expect(log.filter((e) => e.action === 'message-removed' && e.messageId === null)).toHaveLength(2);
  });
});
