import request from 'supertest';
import { addApprovedParticipant, createGroupFixture, referNewParticipant, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { ask, collect, connectChat, type ChatClient } from '../support/sockets';
import { Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type SendAck = { ok: boolean; code?: string; message?: { id: string; body: string } };
type JoinAck = { ok: boolean; code?: string; messages: { id: string; body: string }[] };

describe('chat attacks', () => {
  let app: TestApp;
  let admin: Client;
  let groupA: GroupFixture;
  let groupB: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  const sockets: ChatClient[] = [];
  const open = async (client: Client) => {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    return socket;
  };
  const send = (socket: ChatClient, groupId: string, body: string) =>
    ask<SendAck>(socket, 'message:send', { groupId, clientMessageId: newClientId(), body });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    groupA = await createGroupFixture(app, admin, { name: 'Kanariefuglen', requireFacilitator: false });
    groupB = await createGroupFixture(app, admin, { requireFacilitator: false });
    alice = await addApprovedParticipant(app, groupA, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(app, groupB, { displayName: 'Bravo' });
    await startMeetingNow(app, groupA);
    await startMeetingNow(app, groupB);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  it('refuses a connection without a cookie, with a forged or a revoked one', async () => {
    await expect(connectChat(app, null, { token: null })).rejects.toThrow('UNAUTHENTICATED');
    await expect(connectChat(app, null, { token: 'forged-token-value' })).rejects.toThrow('UNAUTHENTICATED');
    const gone = await addApprovedParticipant(app, groupA);
    const token = gone.client.sessionToken()!;
    await gone.client.post('/auth/logout');
    await expect(connectChat(app, null, { token })).rejects.toThrow('UNAUTHENTICATED');
  });

  it('refuses a browser from another site before the connection exists (HTTP 403)', async () => {
    await expect(connectChat(app, alice.client, { origin: 'https://evil.example' })).rejects.toThrow();
    const polling = await request(app.url).get('/socket.io/?EIO=4&transport=polling').set('Origin', 'https://evil.example');
    expect(polling.status).toBe(403);
    const sameSite = await request(app.url).get('/socket.io/?EIO=4&transport=polling').set('Origin', app.url);
    expect(sameSite.status).toBe(200);
  });

  it('judges the Origin by the forwarded host only behind a trusted proxy', async () => {
    const poll = (target: TestApp) =>
      request(target.url).get('/socket.io/?EIO=4&transport=polling').set('Origin', 'https://tryg.example').set('X-Forwarded-Host', 'tryg.example');
    expect((await poll(app)).status).toBe(403);
    const proxied = await startTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      expect((await poll(proxied)).status).toBe(200);
      const foreign = await request(proxied.url)
        .get('/socket.io/?EIO=4&transport=polling')
        .set('Origin', 'https://evil.example')
        .set('X-Forwarded-Host', 'tryg.example');
      expect(foreign.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('keeps a non-member out of another group’s room: error ack, nothing stored or delivered', async () => {
    const bobSocket = await open(bob.client);
    expect((await ask<JoinAck>(bobSocket, 'room:join', { groupId: groupB.groupId })).ok).toBe(true);
    const delivered = collect(bobSocket, 'message:new');
    const intruder = await open(alice.client);
    const join = await ask<JoinAck>(intruder, 'room:join', { groupId: groupB.groupId });
    expect(join).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const before = await app.dataSource.query('SELECT COUNT(*) AS n FROM messages WHERE group_id = ?', [groupB.groupId]);
    const sent = await send(intruder, groupB.groupId, 'Jeg er ikke med her');
    expect(sent).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const after = await app.dataSource.query('SELECT COUNT(*) AS n FROM messages WHERE group_id = ?', [groupB.groupId]);
    expect(Number(after[0].n)).toBe(Number(before[0].n));
    await new Promise((r) => setTimeout(r, 100));
    expect(delivered).toHaveLength(0);
  });

  it('refuses a pending member', async () => {
    const pending = await referNewParticipant(app, groupA);
    const socket = await open(pending.client);
    expect(await send(socket, groupA.groupId, 'Hej')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('cuts a member logged out elsewhere before the logout answers, and sends nothing after', async () => {
    const member = await addApprovedParticipant(app, groupA);
    const socket = await open(member.client);
    await ask(socket, 'room:join', { groupId: groupA.groupId });
    const events: string[] = [];
    (socket as unknown as { on: (e: string, f: () => void) => void }).on('session:revoked', () => events.push('revoked'));
    socket.on('disconnect', () => events.push('disconnect'));
    const received = collect(socket, 'message:new');
    // The same session, from another tab.
    const otherTab = new Client(app.url);
    otherTab.agent.jar.setCookie(`tryg_session=${member.client.sessionToken()}`, new URL(app.url).hostname, '/');
    const res = await otherTab.post('/auth/logout');
    const atAnswer = [...events];
    expect(res.status).toBe(204);
    expect(atAnswer).toEqual(['revoked', 'disconnect']);
    const aliceSocket = await open(alice.client);
    expect((await send(aliceSocket, groupA.groupId, 'Efter logout')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(0);
  });

  it('cuts a member who deletes their account before the answer; their messages show as a former member', async () => {
    const member = await addApprovedParticipant(app, groupA, { displayName: 'Forsvinder' });
    const socket = await open(member.client);
    const sent = await send(socket, groupA.groupId, 'Jeg skriver og går');
    expect(sent.ok).toBe(true);
    let cut = false;
    socket.on('disconnect', () => (cut = true));
    const exported = await member.client.get('/me/export');
    expect(exported.body.messages).toEqual([expect.objectContaining({ id: sent.message!.id, body: 'Jeg skriver og går' })]);
    const res = await member.client.delete('/me', { password: member.password });
    const cutAtAnswer = cut;
    expect(res.status).toBe(204);
    expect(cutAtAnswer).toBe(true);
    const history = await alice.client.get(`/groups/${groupA.groupId}/messages`);
    const former = history.body.items.find((m: { id: string }) => m.id === sent.message!.id);
    expect(former).toMatchObject({ memberId: null, displayName: null, body: 'Jeg skriver og går' });
  });

  it('shows a late joiner nothing from before their approval (socket and REST)', async () => {
    const early = await open(alice.client);
    const old = await send(early, groupA.groupId, 'Fortrolig fra før');
    expect(old.ok).toBe(true);
    app.clock.advance(1000);
    const newcomer = await addApprovedParticipant(app, groupA);
    try {
      const socket = await open(newcomer.client);
      const joined = await ask<JoinAck>(socket, 'room:join', { groupId: groupA.groupId });
      expect(joined.messages.map((m) => m.id)).not.toContain(old.message!.id);
      const rest = await newcomer.client.get(`/groups/${groupA.groupId}/messages`);
      expect(rest.status).toBe(200);
      expect(rest.text).not.toContain('Fortrolig fra før');
      const catchUp = await ask<JoinAck>(socket, 'room:join', { groupId: groupA.groupId, afterMessageId: old.message!.id });
      expect(catchUp.messages.map((m) => m.body)).not.toContain('Fortrolig fra før');
      const paged = await newcomer.client.get(`/groups/${groupA.groupId}/messages?after=${old.message!.id}`);
      expect(paged.text).not.toContain('Fortrolig fra før');
      const before = await newcomer.client.get(`/groups/${groupA.groupId}/messages?before=${old.message!.id}`);
      expect(before.body.items).toEqual([]);
    } finally {
      app.clock.reset();
    }
  });

  it('keeps no message text in the database files', async () => {
    const socket = await open(alice.client);
    const secret = 'Han holdt øje med mig ved Kongensgade i går';
    expect((await send(socket, groupA.groupId, secret)).ok).toBe(true);
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(containsText(bytes, 'Kanariefuglen')).toBe(true);
    expect(containsText(bytes, secret)).toBe(false);
    expect(containsText(bytes, 'Kongensgade')).toBe(false);
  });
});
