import type { Floor } from '@tryg/shared';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { ask, collect, connectChat, eventually, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type JoinAck = { ok: boolean; code?: string; floor?: Floor };
type SendAck = { ok: boolean; code?: string };

/** CONTRACT "Talking order": hands, turns, rounds, quiet rounds and timed turns, on one instance. */
describe('talking order', () => {
  let app: TestApp;
  let admin: Client;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  /** A group in a meeting now, its facilitator and `n` participants, each with a socket in the room. */
  async function roomWith(n: number, group: Record<string, unknown> = {}) {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false, ...group });
    await startMeetingNow(app, fixture, 600);
    const members: Participant[] = [];
    for (let i = 0; i < n; i++)
      members.push(await addApprovedParticipant(app, fixture, { displayName: `Deltager ${'ABCDEFG'[i]}` }));
    const socketOf = new Map<string, ChatClient>();
    for (const member of members) socketOf.set(member.memberId, await join(member.client, fixture.groupId));
    const facilitatorSocket = await join(fixture.facilitator.client, fixture.groupId);
    return { fixture, members, socketOf, facilitatorSocket };
  }

  async function join(client: Client, groupId: string): Promise<ChatClient> {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    const ack = await ask<JoinAck>(socket, 'room:join', { groupId });
    if (!ack.ok) throw new Error(`join refused: ${ack.code}`);
    return socket;
  }

  const floorPath = (f: GroupFixture, rest = '') => `/groups/${f.groupId}${rest}`;

  it('keeps raised hands in raise order, and the turn goes to the first hand or a chosen member', async () => {
    const { fixture, members } = await roomWith(3);
    const [a, b, c] = members;
    for (const m of [b, a, c])
      expect((await m.client.post(floorPath(fixture, '/floor/hand'), { raised: true })).status).toBe(200);
    const floor = (await a.client.get(floorPath(fixture, '/floor'))).body as Floor;
    expect(floor.hands).toEqual([b.memberId, a.memberId, c.memberId]);
    expect((await a.client.post(floorPath(fixture, '/floor/hand'), { raised: false })).body.hands).toEqual([
      b.memberId,
      c.memberId,
    ]);

    const given = await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), {});
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ speaking: b.memberId, hands: [c.memberId], turnEndsAt: null, round: null });
    // The speaker ends their own turn; the next hand does not get it by itself outside a round.
    expect((await c.client.post(floorPath(fixture, '/floor/done'))).status).toBe(403);
    expect((await b.client.post(floorPath(fixture, '/floor/done'))).body).toMatchObject({
      speaking: null,
      hands: [c.memberId],
    });
    const chosen = await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), { memberId: a.memberId });
    expect(chosen.body).toMatchObject({ speaking: a.memberId, hands: [c.memberId] });
    expect((await fixture.facilitator.client.post(floorPath(fixture, '/floor/done'))).body.speaking).toBeNull();
    expect((await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), {})).body.speaking).toBe(
      c.memberId,
    );
    expect((await fixture.facilitator.client.post(floorPath(fixture, '/floor/done'))).status).toBe(200);
    const nobody = await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), {});
    expect(nobody.status).toBe(409);
  });

  it('runs a round over exactly the participants present, each speaking in turn, passing on "done"', async () => {
    const { fixture, members, facilitatorSocket } = await roomWith(3);
    const absent = await addApprovedParticipant(app, fixture, { displayName: 'Fraværende' });
    const updates = collect<Floor>(facilitatorSocket, 'floor:update');
    const started = await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'check-in' });
    expect(started.status).toBe(201);
    const round = (started.body as Floor).round!;
    expect(new Set(round.order)).toEqual(new Set(members.map((m) => m.memberId)));
    expect(round.order).not.toContain(absent.memberId);
    expect(round.order).not.toContain(fixture.facilitator.memberId);
    expect(started.body).toMatchObject({
      speaking: round.order[0],
      round: { kind: 'check-in', quiet: false, done: [] },
    });
    await eventually(() => updates.some((u) => u.round?.kind === 'check-in'));

    const speakers: string[] = [started.body.speaking];
    for (let i = 0; i < 2; i++) {
      const speaker = members.find((m) => m.memberId === speakers.at(-1))!;
      const passed = await speaker.client.post(floorPath(fixture, '/floor/done'));
      expect(passed.status).toBe(200);
      speakers.push(passed.body.speaking);
    }
    expect(speakers).toEqual(round.order);
    const last = members.find((m) => m.memberId === speakers.at(-1))!;
    const finished = (await last.client.post(floorPath(fixture, '/floor/done'))).body as Floor;
    expect(finished).toMatchObject({ speaking: null, round: { done: round.order } });
    expect((await fixture.facilitator.client.delete(floorPath(fixture, '/rounds/current'))).status).toBe(204);
    expect((await fixture.facilitator.client.delete(floorPath(fixture, '/rounds/current'))).status).toBe(409);
    expect((await last.client.get(floorPath(fixture, '/floor'))).body.round).toBeNull();
  });

  it('lets a facilitator reorder a round, for everyone, and refuses an order that is not exactly the round (400)', async () => {
    const { fixture, members, socketOf } = await roomWith(3);
    const [a, b, c] = members;
    const updatesOf = new Map(members.map((m) => [m, collect<Floor>(socketOf.get(m.memberId)!, 'floor:update')]));
    const started = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'check-in', keepOrder: true })
    ).body as Floor;
    expect(started.round!.order).toEqual([a.memberId, b.memberId, c.memberId]);
    await a.client.post(floorPath(fixture, '/floor/done'));

    // The rest of the round in a new order; who already spoke keeps their place among the done.
    const order = [c.memberId, a.memberId, b.memberId];
    const reordered = await fixture.facilitator.client.put(floorPath(fixture, '/rounds/current/order'), {
      memberIds: order.map((id) => id.toUpperCase()),
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body).toMatchObject({ speaking: b.memberId, round: { order, done: [a.memberId] } });
    for (const m of members) {
      expect(((await m.client.get(floorPath(fixture, '/floor'))).body as Floor).round!.order).toEqual(order);
      await eventually(() => JSON.stringify(updatesOf.get(m)!.at(-1)?.round?.order) === JSON.stringify(order));
    }
    // b finishes: the next not done in the new order is c.
    expect(((await b.client.post(floorPath(fixture, '/floor/done'))).body as Floor).speaking).toBe(c.memberId);

    const absent = await addApprovedParticipant(app, fixture, { displayName: 'Fraværende' });
    const bad: Array<[string, string[]]> = [
      ['one missing', [c.memberId, a.memberId]],
      ['one twice', [c.memberId, a.memberId, a.memberId]],
      ['one twice instead of another', [c.memberId, a.memberId, c.memberId]],
      ['a member not in the round', [c.memberId, a.memberId, absent.memberId]],
      ['one too many', [...order, absent.memberId]],
      ['none', []],
    ];
    for (const [what, memberIds] of bad) {
      const res = await fixture.facilitator.client.put(floorPath(fixture, '/rounds/current/order'), { memberIds });
      expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION']);
    }
    expect(((await a.client.get(floorPath(fixture, '/floor'))).body as Floor).round!.order).toEqual(order);
    // Without a round there is nothing to reorder.
    await fixture.facilitator.client.delete(floorPath(fixture, '/rounds/current'));
    const none = await fixture.facilitator.client.put(floorPath(fixture, '/rounds/current/order'), {
      memberIds: order,
    });
    expect(none.status).toBe(409);
  });

  it('refuses to give the turn to a member who is not in the room (409), changing nothing', async () => {
    const { fixture, members } = await roomWith(1);
    const [here] = members;
    const absent = await addApprovedParticipant(app, fixture, { displayName: 'Fraværende' });
    await here.client.post(floorPath(fixture, '/floor/hand'), { raised: true });
    const before = (await here.client.get(floorPath(fixture, '/floor'))).body as Floor;
    for (const memberId of [absent.memberId, fixture.facilitator.memberId]) {
      const res = await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), { memberId });
      expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
    }
    expect((await here.client.get(floorPath(fixture, '/floor'))).body).toEqual(before);
    // The same member is given the turn once they are in the room.
    await join(absent.client, fixture.groupId);
    const given = await fixture.facilitator.client.post(floorPath(fixture, '/floor/give'), {
      memberId: absent.memberId,
    });
    expect([given.status, given.body.speaking]).toEqual([200, absent.memberId]);
  });

  it('refuses NOT_YOUR_TURN only in a quiet round, never to the speaker or a facilitator', async () => {
    const { fixture, members, socketOf, facilitatorSocket } = await roomWith(2);
    const send = (socket: ChatClient, body: string) =>
      ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body });
    const normal = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'round', keepOrder: true })
    ).body as Floor;
    const other = members.find((m) => m.memberId !== normal.speaking)!;
    expect((await send(socketOf.get(other.memberId)!, 'Må jeg sige noget?')).ok).toBe(true);
    await fixture.facilitator.client.delete(floorPath(fixture, '/rounds/current'));

    const quiet = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'check-in', quiet: true })
    ).body as Floor;
    const speaker = members.find((m) => m.memberId === quiet.speaking)!;
    const waiting = members.find((m) => m.memberId !== quiet.speaking)!;
    expect(await send(socketOf.get(waiting.memberId)!, 'Afbryder')).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    expect((await send(socketOf.get(speaker.memberId)!, 'Jeg har det okay')).ok).toBe(true);
    expect((await send(facilitatorSocket, 'Tak')).ok).toBe(true);
    // The turn passes: now the other one may write, and the first may not.
    await speaker.client.post(floorPath(fixture, '/floor/done'));
    expect((await send(socketOf.get(waiting.memberId)!, 'Nu er det mig')).ok).toBe(true);
    expect(await send(socketOf.get(speaker.memberId)!, 'Og mig igen')).toMatchObject({
      ok: false,
      code: 'NOT_YOUR_TURN',
    });
  });

  it('ends a timed turn by itself when the app clock passes its end, once, and passes it on', async () => {
    const { fixture, facilitatorSocket } = await roomWith(2);
    const updates = collect<Floor>(facilitatorSocket, 'floor:update');
    const started = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), {
        kind: 'check-in',
        turnSeconds: 60,
        keepOrder: true,
      })
    ).body as Floor;
    const [first, second] = started.round!.order;
    expect(started.speaking).toBe(first);
    expect(new Date(started.turnEndsAt!).getTime() - app.clock.nowMs()).toBeGreaterThan(55_000);
    // The clock only moves forward in this suite, so the room-window job sees every transition.
    app.clock.advance(61_000);
    await eventually(() => updates.at(-1)?.speaking === second);
    const now = (await fixture.facilitator.client.get(floorPath(fixture, '/floor'))).body as Floor;
    expect(now).toMatchObject({ speaking: second, round: { done: [first] } });
    expect(updates.filter((u) => u.round?.done.includes(first) && u.speaking === second)).toHaveLength(1);
  });

  it('skips a member who dropped out, and takes a raised hand down when they leave', async () => {
    const { fixture, members, socketOf } = await roomWith(3);
    const [a, b, c] = members;
    await c.client.post(floorPath(fixture, '/floor/hand'), { raised: true });
    const started = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'check-out', keepOrder: true })
    ).body as Floor;
    expect(started.round!.order).toEqual([a.memberId, b.memberId, c.memberId]);
    // b leaves before their turn: skipped. c leaves: their hand goes down at once.
    socketOf.get(b.memberId)!.close();
    socketOf.get(c.memberId)!.close();
    await eventually(async () => (await a.client.get(floorPath(fixture, '/floor'))).body.hands.length === 0);
    const passed = (await a.client.post(floorPath(fixture, '/floor/done'))).body as Floor;
    expect(passed.speaking).toBeNull();
    expect(passed.round!.done).toEqual([a.memberId, b.memberId, c.memberId]);
  });

  it('gives a dropped speaker 30 seconds to come back before the turn passes on', async () => {
    const { fixture, members, socketOf } = await roomWith(2);
    const [a, b] = members;
    const started = (
      await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'round', keepOrder: true })
    ).body as Floor;
    expect(started.speaking).toBe(a.memberId);
    // When the server has taken the speaker as gone (the grace runs from then, by the app clock), or back.
    const speakerAway = async () => {
      const [row] = await app.dataSource.query('SELECT state FROM room_floors WHERE group_id = ?', [fixture.groupId]);
      return (JSON.parse(row.state) as { speakerAwaySince: string | null }).speakerAwaySince !== null;
    };
    socketOf.get(a.memberId)!.close();
    await eventually(speakerAway);
    socketOf.set(a.memberId, await join(a.client, fixture.groupId));
    await eventually(async () => !(await speakerAway()));
    app.clock.advance(31_000);
    await new Promise((r) => setTimeout(r, 300));
    expect((await b.client.get(floorPath(fixture, '/floor'))).body.speaking).toBe(a.memberId);
    socketOf.get(a.memberId)!.close();
    await eventually(speakerAway);
    app.clock.advance(31_000);
    await eventually(async () => (await b.client.get(floorPath(fixture, '/floor'))).body.speaking === b.memberId);
  });

  it('sends the floor on room:join, and leaves a hidden member out of the other’s view of hands and order', async () => {
    const { fixture, members } = await roomWith(3);
    const [a, b, c] = members;
    await a.client.post(floorPath(fixture, '/floor/hand'), { raised: true });
    await b.client.post(floorPath(fixture, '/floor/hand'), { raised: true });
    expect(
      (await a.client.post(floorPath(fixture, '/safety'), { kind: 'knows-member', aboutMemberId: b.memberId })).status,
    ).toBe(201);
    const viewOf = async (m: Participant) => (await m.client.get(floorPath(fixture, '/floor'))).body as Floor;
    expect((await viewOf(a)).hands).toEqual([a.memberId]);
    expect((await viewOf(b)).hands).toEqual([b.memberId]);
    expect((await viewOf(c)).hands).toEqual([a.memberId, b.memberId]);
    const rejoin = await connectChat(app, b.client);
    sockets.push(rejoin);
    const joined = await ask<JoinAck>(rejoin, 'room:join', { groupId: fixture.groupId });
    expect(joined.floor).toMatchObject({ groupId: fixture.groupId, hands: [b.memberId] });
    expect(JSON.stringify(joined.floor)).not.toContain(a.memberId);
    // A round cannot start while two members present are kept apart.
    const refused = await fixture.facilitator.client.post(floorPath(fixture, '/rounds'), { kind: 'check-in' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/alert/);
  });

  it('answers 409 ROOM_CLOSED on every floor route while the room is closed, and clears the floor when the window ends', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    const member = await addApprovedParticipant(app, fixture);
    const routes: Array<[Client, 'get' | 'post' | 'put' | 'delete', string, object?]> = [
      [member.client, 'get', '/floor'],
      [member.client, 'post', '/floor/hand', { raised: true }],
      [member.client, 'post', '/floor/done'],
      [fixture.facilitator.client, 'post', '/floor/give', {}],
      [fixture.facilitator.client, 'post', '/rounds', { kind: 'check-in' }],
      [fixture.facilitator.client, 'put', '/rounds/current/order', { memberIds: [] }],
      [fixture.facilitator.client, 'delete', '/rounds/current'],
    ];
    for (const [client, method, path, body] of routes) {
      const res = await client[method](floorPath(fixture, path), body);
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'ROOM_CLOSED']);
    }
    // A short meeting: a hand is up, then the window ends.
    const startsAt = new Date(app.clock.nowMs() - 60_000).toISOString();
    await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, { startsAt, durationMinutes: 5 });
    await join(member.client, fixture.groupId);
    expect((await member.client.post(floorPath(fixture, '/floor/hand'), { raised: true })).body.hands).toEqual([
      member.memberId,
    ]);
    app.clock.advance(5 * 60_000);
    await app.app.get(JobScheduler).tick();
    expect((await member.client.get(floorPath(fixture, '/floor'))).body.code).toBe('ROOM_CLOSED');
    // The next meeting starts with an empty floor.
    await startMeetingNow(app, fixture, 60);
    await join(member.client, fixture.groupId);
    expect((await member.client.get(floorPath(fixture, '/floor'))).body).toMatchObject({
      hands: [],
      speaking: null,
      round: null,
    });
  });
});
