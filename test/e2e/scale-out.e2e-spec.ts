import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { describeWithRedis, startRedis, type TestRedis } from '../support/services';
import { ask, collect, connectChat, eventually, type ChatClient } from '../support/sockets';
import { ADMIN, Client, signIn, startTestApp, type TestApp } from '../support/test-app';

type SendAck = { ok: boolean; code?: string; message?: { id: string; seq: number } };

/**
 * Two API instances on one PostgreSQL database and one Redis: what one instance does takes
 * effect on sockets connected to the other.
 */
describeWithRedis('scale-out: two instances, PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  const sockets: ChatClient[] = [];
  const open = async (app: TestApp, client: Client) => {
    const socket = await connectChat(app, client, { token: client.sessionToken() });
    sockets.push(socket);
    return socket;
  };
  /** The same signed-in person, talking to the other instance. */
  const onOther = (app: TestApp, client: Client) => {
    const other = new Client(app.url);
    other.agent.jar.setCookie(`tryg_session=${client.sessionToken()}`, new URL(app.url).hostname, '/');
    return other;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startRedis();
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
    const admin = await signIn(a, ADMIN.login, ADMIN.password);
    fixture = await createGroupFixture(a, admin, { requireFacilitator: false });
    alice = await addApprovedParticipant(a, fixture, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(a, fixture, { displayName: 'Bravo' });
    await startMeetingNow(a, fixture);
  }, 60_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
    await redis?.remove();
  });

  it('ran the migrations on PostgreSQL and shares sessions between instances', async () => {
    const tables = await a.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(expect.arrayContaining(['accounts', 'memberships', 'messages', 'referrals']));
    const me = await onOther(b, alice.client).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.id).toBe(alice.accountId);
  });

  it('delivers a message sent through one instance to a socket on the other', async () => {
    const bobOnB = await open(b, bob.client);
    expect((await ask<{ ok: boolean }>(bobOnB, 'room:join', { groupId: fixture.groupId })).ok).toBe(true);
    const seen = collect<{ message: { id: string } }>(bobOnB, 'message:new');
    const aliceOnA = await open(a, alice.client);
    const sent = await ask<SendAck>(aliceOnA, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Hej fra A' });
    expect(sent.ok).toBe(true);
    await eventually(() => seen.some((e) => e.message.id === sent.message!.id));
  });

  it('keeps one gap-free order when both instances store at once', async () => {
    const onA = await open(a, alice.client);
    const onB = await open(b, onOther(b, bob.client));
    const acks = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        ask<SendAck>(i % 2 ? onA : onB, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: `samtidig ${i}` }),
      ),
    );
    expect(acks.every((x) => x.ok)).toBe(true);
    const rows: { seq: number }[] = await a.dataSource.query('SELECT seq FROM messages WHERE group_id = $1 ORDER BY seq', [fixture.groupId]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('cuts a socket on one instance before a logout on the other answers', async () => {
    const member = await addApprovedParticipant(a, fixture);
    const socket = await open(a, member.client);
    let cut = false;
    socket.on('disconnect', () => (cut = true));
    const res = await onOther(b, member.client).post('/auth/logout');
    const cutAtAnswer = cut;
    expect(res.status).toBe(204);
    expect(cutAtAnswer).toBe(true);
  });

  it('shares the login throttle between instances', async () => {
    for (let i = 0; i < 5; i++) {
      const target = i % 2 ? a : b;
      expect((await new Client(target.url).post('/auth/login', { login: alice.login, password: 'wrong password' })).status).toBe(401);
    }
    const sixth = await new Client(b.url).post('/auth/login', { login: alice.login, password: alice.password });
    expect(sixth.status).toBe(429);
  });

  it('keeps the incident log, its chain and its exports working on PostgreSQL', async () => {
    const first = await alice.client.post('/me/incidents', { occurredAt: '2026-11-20T17:30:00.000Z', contactType: 'sms', description: 'Besked om natten' });
    expect(first.status).toBe(201);
    const edited = await onOther(b, alice.client).patch(`/me/incidents/${first.body.id}`, { description: 'Besked om natten, igen' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect((await alice.client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, brokenAt: null });
    const pdf = await alice.client.get('/me/incidents/export?format=pdf').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('schedules a series and takes RSVPs on PostgreSQL', async () => {
    // A week from now on the app's clock: a fixed date would become past, and its meetings closed to RSVPs.
    const startsOn = new Date(a.clock.nowMs() + 7 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    const series = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/schedules`, {
      startsOn,
      time: '18:00',
      durationMinutes: 90,
      frequency: 'weekly',
      count: 3,
    });
    expect(series.status).toBe(201);
    expect(series.body.meetings).toHaveLength(3);
    const rsvp = await onOther(b, alice.client).put(`/meetings/${series.body.meetings[0].id}/rsvp`, { response: 'yes' });
    expect(rsvp.status).toBe(200);
    expect(rsvp.body.status).toBe('going');
  });
});
