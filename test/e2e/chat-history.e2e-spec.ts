import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { ask, connectChat, next, type ChatClient } from '../support/sockets';
import { type Client, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';
import { ChatRetentionService } from '../../api/src/modules/chat/chat-retention.service';

type SendAck = { ok: boolean; code?: string; message?: { id: string; body: string | null; seq: number } };

describe('chat history, deletion and retention', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  const sockets: ChatClient[] = [];
  const open = async (client: Client) => {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false, retentionDays: 1 });
    alice = await addApprovedParticipant(app, fixture, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(app, fixture, { displayName: 'Bravo' });
    await startMeetingNow(app, fixture);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  it('pages backwards and forwards through the history, oldest first, at most 100 a page', async () => {
    // Two writers, so neither reaches the per-account rate limit.
    const writers = [await open(fixture.facilitator.client), await open(bob.client)];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await ask<SendAck>(writers[i % 2], 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: `nr ${i}` });
      expect(ack.ok).toBe(true);
      ids.push(ack.message!.id);
    }
    const latest = await alice.client.get(`/groups/${fixture.groupId}/messages?limit=5`);
    expect(latest.body.items.map((m: { id: string }) => m.id)).toEqual(ids.slice(7));
    expect(latest.body.nextCursor).toBe(ids[7]);
    const older = await alice.client.get(`/groups/${fixture.groupId}/messages?limit=5&before=${latest.body.nextCursor}`);
    expect(older.body.items.map((m: { id: string }) => m.id)).toEqual(ids.slice(2, 7));
    const forwards = await alice.client.get(`/groups/${fixture.groupId}/messages?limit=4&after=${ids[2]}`);
    expect(forwards.body.items.map((m: { id: string }) => m.id)).toEqual(ids.slice(3, 7));
    expect(forwards.body.nextCursor).toBe(ids[6]);
    expect((await alice.client.get(`/groups/${fixture.groupId}/messages?limit=101`)).status).toBe(400);
    expect((await alice.client.get(`/groups/${fixture.groupId}/messages?status=held`)).status).toBe(403);
  });

  it('lets an author delete their message: a tombstone for everyone, announced live', async () => {
    const aliceSocket = await open(alice.client);
    const bobSocket = await open(bob.client);
    await ask(bobSocket, 'room:join', { groupId: fixture.groupId });
    const sent = await ask<SendAck>(aliceSocket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Fortryder dette' });
    const removed = next<{ message: { id: string; body: string | null; removed: string } }>(bobSocket, 'message:removed');
    expect((await bob.client.delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`)).status).toBe(403);
    expect((await alice.client.delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`)).status).toBe(204);
    expect(await removed).toMatchObject({ message: { id: sent.message!.id, body: null, removed: 'author' } });
    for (const viewer of [bob.client, fixture.facilitator.client]) {
      const history = await viewer.get(`/groups/${fixture.groupId}/messages`);
      const tomb = history.body.items.find((m: { id: string }) => m.id === sent.message!.id);
      expect(tomb.body).toBeNull();
      expect(tomb.removed).toBe('author');
      expect(tomb.originalBody ?? null).toBeNull();
    }
    expect((await alice.client.delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`)).status).toBe(409);
  });

  it('deletes exactly the messages older than the retention period (clock injected)', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // the facilitator's rate budget refills
    const socket = await open(fixture.facilitator.client);
    const old = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'gammel' });
    app.clock.advance(23 * 60 * 60_000);
    try {
      // A day later the old session has expired (its socket was cut): sign in again.
      const later = await open(await signIn(app, fixture.facilitator.login, fixture.facilitator.password));
      const young = await ask<SendAck>(later, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'ung' });
      app.clock.advance(2 * 60 * 60_000);
      const before = await app.dataSource.query('SELECT id FROM messages WHERE group_id = ?', [fixture.groupId]);
      const deleted = await app.app.get(ChatRetentionService).purge();
      const after = await app.dataSource.query('SELECT id FROM messages WHERE group_id = ?', [fixture.groupId]);
      const gone = before.map((r: { id: string }) => r.id).filter((id: string) => !after.some((a: { id: string }) => a.id === id));
      expect(deleted).toBe(gone.length);
      expect(gone).toContain(old.message!.id);
      expect(after.map((r: { id: string }) => r.id)).toEqual([young.message!.id]);
    } finally {
      app.clock.reset();
    }
  });
});
