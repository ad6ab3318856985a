import type { Floor } from '@tryg/shared';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { createTestDatabase } from '../support/postgres';
import { describeWithRedis, startRedis, type TestRedis } from '../support/services';
import { ask, collect, connectChat, eventually, type ChatClient } from '../support/sockets';
import { ADMIN, Client, signIn, startTestApp, type TestApp } from '../support/test-app';

/** The talking order with two instances on one PostgreSQL and one Redis: one floor, moved once. */
describeWithRedis('talking order on two instances', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  const sockets: ChatClient[] = [];
  /** The same signed-in person, talking to the other instance. */
  const onOther = (app: TestApp, client: Client) => {
    const other = new Client(app.url);
    other.agent.jar.setCookie(`tryg_session=${client.sessionToken()}`, new URL(app.url).hostname, '/');
    return other;
  };
  const join = async (app: TestApp, client: Client) => {
    const socket = await connectChat(app, client, { token: client.sessionToken() });
    sockets.push(socket);
    expect(await ask(socket, 'room:join', { groupId: fixture.groupId })).toMatchObject({ ok: true });
    return socket;
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
    await startMeetingNow(a, fixture, 600);
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await a?.close();
    await b?.close();
    await db?.drop();
    await redis?.remove();
  });

  it('shows the same floor on both instances, and a timed turn passes on once', async () => {
    await join(a, alice.client);
    const bobOnB = await join(b, onOther(b, bob.client));
    const facilitatorOnB = await join(b, onOther(b, fixture.facilitator.client));
    const heardOnB = collect<Floor>(bobOnB, 'floor:update');

    expect((await alice.client.post(`/groups/${fixture.groupId}/floor/hand`, { raised: true })).status).toBe(200);
    await eventually(() => heardOnB.some((f) => f.hands.includes(alice.memberId)));
    const floorOnB = (await onOther(b, bob.client).get(`/groups/${fixture.groupId}/floor`)).body as Floor;
    const floorOnA = (await bob.client.get(`/groups/${fixture.groupId}/floor`)).body as Floor;
    expect(floorOnB).toEqual(floorOnA);
    expect(floorOnB.hands).toEqual([alice.memberId]);

    const heardByFacilitator = collect<Floor>(facilitatorOnB, 'floor:update');
    const started = await onOther(b, fixture.facilitator.client).post(`/groups/${fixture.groupId}/rounds`, {
      kind: 'check-in',
      turnSeconds: 30,
      keepOrder: true,
    });
    expect(started.status).toBe(201);
    const [first, second] = (started.body as Floor).round!.order;
    // Both instances run a timer for the turn; the clock moves on both; the turn passes once.
    a.clock.advance(31_000);
    b.clock.advance(31_000);
    await eventually(() => heardByFacilitator.some((f) => f.speaking === second));
    await new Promise((r) => setTimeout(r, 500));
    expect(heardByFacilitator.filter((f) => f.speaking === second && f.round?.done.includes(first))).toHaveLength(1);
    const after = (await alice.client.get(`/groups/${fixture.groupId}/floor`)).body as Floor;
    expect(after).toMatchObject({ speaking: second, round: { done: [first] } });
  });

  it('sends the floor again on the other instance when an alert hides two members, and its send path lets the one kept apart from the speaker write', async () => {
    const group = (path: string) => `/groups/${fixture.groupId}${path}`;
    await fixture.facilitator.client.delete(group('/rounds/current'));
    const aliceOnB = await join(b, onOther(b, alice.client));
    const bobOnB = await join(b, onOther(b, bob.client));
    const heardByAlice = collect<Floor>(aliceOnB, 'floor:update');
    const heardByBob = collect<Floor>(bobOnB, 'floor:update');
    const quiet = await fixture.facilitator.client.post(group('/rounds'), {
      kind: 'check-in',
      quiet: true,
      keepOrder: true,
    });
    expect(quiet.body).toMatchObject({ speaking: alice.memberId, round: { order: [alice.memberId, bob.memberId] } });
    await eventually(() => heardByAlice.at(-1)?.round?.quiet === true && heardByBob.at(-1)?.round?.quiet === true);

    // Filed on instance a: the sockets on b get the floor without the other.
    const alert = await alice.client.post(group('/safety'), { kind: 'knows-member', aboutMemberId: bob.memberId });
    expect(alert.status).toBe(201);
    await eventually(
      () => heardByAlice.at(-1)?.round?.order.length === 1 && heardByBob.at(-1)?.round?.order.length === 1,
    );
    expect(heardByAlice.at(-1)).toMatchObject({ speaking: alice.memberId, round: { order: [alice.memberId] } });
    expect(heardByBob.at(-1)).toMatchObject({ speaking: null, round: { order: [bob.memberId] } });
    expect(JSON.stringify(heardByAlice.at(-1))).not.toContain(bob.memberId);
    expect(JSON.stringify(heardByBob.at(-1))).not.toContain(alice.memberId);

    // Bob speaks; instance b lets Alice write, and refuses her as soon as the alert is resolved on a.
    await alice.client.post(group('/floor/done'));
    const send = (body: string) =>
      ask<{ ok: boolean; code?: string }>(aliceOnB, 'message:send', {
        groupId: fixture.groupId,
        clientMessageId: newClientId(),
        body,
      });
    expect(await send('Hej')).toMatchObject({ ok: true });
    expect(
      (await fixture.facilitator.client.post(`/safety/${alert.body.id}/resolve`, { note: 'Talt med begge' })).status,
    ).toBe(200);
    expect(await send('Hej igen')).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    await eventually(() => heardByAlice.at(-1)?.speaking === bob.memberId);
  });
});
