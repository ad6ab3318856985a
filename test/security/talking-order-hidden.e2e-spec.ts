import type { Floor, Message } from '@tryg/shared';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type Participant } from '../support/groups';
import { LeakRecorder } from '../support/leak-recorder';
import { settle } from '../support/moderation-fixtures';
import { ask, collect, connectChat, eventually, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type JoinAck = { ok: boolean; code?: string; floor?: Floor };
type SendAck = { ok: boolean; code?: string };

/**
 * CONTRACT "Who may listen" and "Talking order", TESTING "Nothing leaks": a `knows-member` alert
 * filed while a quiet round runs hides the two members from each other in the floor too. Every
 * `floor:update`, floor answer and `room:join` answer each of them gets from the alert on is
 * recorded and searched for the other's id and name; the same recording first has to show the
 * visible third member. Decision (docs/contract-extensions.md, "Talking order (issue 15)"): the
 * member kept apart from the speaker sees nobody speaking and may write, since a notice or a
 * NOT_YOUR_TURN would tell them the other is in the room.
 */
describe('talking order with a hidden pair', () => {
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

  async function join(client: Client, groupId: string): Promise<{ socket: ChatClient; ack: JoinAck }> {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    const ack = await ask<JoinAck>(socket, 'room:join', { groupId });
    if (!ack.ok) throw new Error(`join refused: ${ack.code}`);
    return { socket, ack };
  }

  /**
   * A meeting now; A, B and C (in that order) and the facilitator in the room; B and C with a hand
   * up; a quiet check-in round over A, B, C in that order, A speaking. Every socket has heard it.
   */
  async function quietRoundOfThree() {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    await startMeetingNow(app, fixture, 600);
    const a = await addApprovedParticipant(app, fixture, { displayName: 'Astrid' });
    const b = await addApprovedParticipant(app, fixture, { displayName: 'Bodil' });
    const c = await addApprovedParticipant(app, fixture, { displayName: 'Cecilie' });
    const socketOf = new Map<Participant, ChatClient>();
    const floorsOf = new Map<Participant, Floor[]>();
    for (const m of [a, b, c]) {
      const { socket } = await join(m.client, fixture.groupId);
      socketOf.set(m, socket);
      floorsOf.set(m, collect<Floor>(socket, 'floor:update'));
    }
    const facilitator = (await join(fixture.facilitator.client, fixture.groupId)).socket;
    const path = (rest: string) => `/groups/${fixture.groupId}${rest}`;
    for (const m of [b, c]) expect((await m.client.post(path('/floor/hand'), { raised: true })).status).toBe(200);
    const started = await fixture.facilitator.client.post(path('/rounds'), {
      kind: 'check-in',
      quiet: true,
      keepOrder: true,
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      speaking: a.memberId,
      hands: [b.memberId, c.memberId],
      round: { quiet: true, order: [a.memberId, b.memberId, c.memberId], done: [] },
    });
    for (const m of [a, b, c]) await eventually(() => floorsOf.get(m)!.at(-1)?.round?.quiet === true);
    // Anything the joins set off has arrived before recording starts.
    await settle();
    const send = (m: Participant, body: string) =>
      ask<SendAck>(socketOf.get(m)!, 'message:send', {
        groupId: fixture.groupId,
        clientMessageId: newClientId(),
        body,
      });
    return { fixture, a, b, c, socketOf, floorsOf, facilitator, path, send };
  }

  it('leaves each of the two out of the other’s floor from the alert on, in every update and answer, and a hidden speaker silences neither', async () => {
    const { fixture, a, b, c, socketOf, floorsOf, path, send } = await quietRoundOfThree();
    // Before the alert, A sees B in the floor: the case is real.
    expect(JSON.stringify((await a.client.get(path('/floor'))).body)).toContain(b.memberId);

    const recA = new LeakRecorder();
    const recB = new LeakRecorder();
    recA.watch(socketOf.get(a)!, 'A');
    recB.watch(socketOf.get(b)!, 'B');
    const cMessages = collect<{ message: Message }>(socketOf.get(c)!, 'message:new');
    const updatesBefore = { a: floorsOf.get(a)!.length, b: floorsOf.get(b)!.length };

    const alert = recA.response(
      'A POST /safety',
      await a.client.post(path('/safety'), { kind: 'knows-member', aboutMemberId: b.memberId }),
      [b.memberId],
    );
    expect(alert.status).toBe(201);

    // Defect 1: the floor goes out again at once, as each may see it now.
    await eventually(() => floorsOf.get(a)!.length > updatesBefore.a && floorsOf.get(b)!.length > updatesBefore.b);
    const round = { kind: 'check-in', quiet: true, turnSeconds: null };
    expect(floorsOf.get(a)!.at(-1)).toEqual({
      groupId: fixture.groupId,
      hands: [c.memberId],
      speaking: a.memberId,
      turnEndsAt: null,
      round: { ...round, order: [a.memberId, c.memberId], done: [] },
    });
    expect(floorsOf.get(b)!.at(-1)).toEqual({
      groupId: fixture.groupId,
      hands: [b.memberId, c.memberId],
      speaking: null,
      turnEndsAt: null,
      round: { ...round, order: [b.memberId, c.memberId], done: [] },
    });
    // C still sees both.
    await eventually(() => JSON.stringify(floorsOf.get(c)!.at(-1)).includes(b.memberId));

    // B's hand going down changes nothing A may see, so A gets no update for it: C's hand
    // going down afterwards is the one and only update A gets (events on a socket keep their order).
    const aBefore = floorsOf.get(a)!.length;
    recB.response('B hand down', await b.client.post(path('/floor/hand'), { raised: false }));
    expect((await c.client.post(path('/floor/hand'), { raised: false })).status).toBe(200);
    await eventually(() => floorsOf.get(a)!.at(-1)?.hands.length === 0);
    expect(floorsOf.get(a)!.length).toBe(aBefore + 1);

    // A passes: B has the turn. A's view: nobody speaking, nothing naming B, no "someone else" hint.
    const passed = recA.response('A done', await a.client.post(path('/floor/done')));
    expect(passed.status).toBe(200);
    const aView = {
      groupId: fixture.groupId,
      hands: [],
      speaking: null,
      turnEndsAt: null,
      round: { ...round, order: [a.memberId, c.memberId], done: [a.memberId] },
    };
    expect(passed.body).toEqual(aView);
    await eventually(() => floorsOf.get(a)!.at(-1)?.round?.done.length === 1);
    expect(floorsOf.get(a)!.at(-1)).toEqual(aView);
    const bView = {
      groupId: fixture.groupId,
      hands: [],
      speaking: b.memberId,
      turnEndsAt: null,
      round: { ...round, order: [b.memberId, c.memberId], done: [] },
    };
    await eventually(() => floorsOf.get(b)!.at(-1)?.speaking === b.memberId);
    expect(floorsOf.get(b)!.at(-1)).toEqual(bView);
    expect(recA.response('A GET /floor', await a.client.get(path('/floor'))).body).toEqual(aView);
    expect(recB.response('B GET /floor', await b.client.get(path('/floor'))).body).toEqual(bView);

    // Defect 2: A, kept apart from the speaker, is not refused (a refusal would say B is here);
    // C, who sees B speak, is. A's words reach C, never B.
    const aSaid = 'Jeg venter bare';
    expect(recA.ack('A send', await send(a, aSaid), [aSaid])).toEqual(expect.objectContaining({ ok: true }));
    expect(await send(c, 'Afbryder')).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    const bSaid = 'Det er min tur';
    expect(recB.ack('B send', await send(b, bSaid), [bSaid])).toEqual(expect.objectContaining({ ok: true }));
    await eventually(
      () => cMessages.some((m) => m.message.body === aSaid) && cMessages.some((m) => m.message.body === bSaid),
    );

    // A fresh socket's room:join answer, for each.
    for (const [m, rec, label] of [
      [a, recA, 'A'],
      [b, recB, 'B'],
    ] as const) {
      const { socket, ack } = await join(m.client, fixture.groupId);
      rec.watch(socket, `${label} rejoined`);
      rec.ack(`${label} room:join`, ack);
      expect(ack.floor).toEqual(m === a ? aView : bView);
    }

    // B passes: C speaks, seen by both.
    recB.response('B done', await b.client.post(path('/floor/done')));
    for (const m of [a, b]) await eventually(() => floorsOf.get(m)!.at(-1)?.speaking === c.memberId);
    await settle();

    // The recorders catch a visible member: C's id is in both recordings...
    expect(recA.find(c.memberId).length).toBeGreaterThan(0);
    expect(recB.find(c.memberId).length).toBeGreaterThan(0);
    expect(recA.find('floor:update').length).toBeGreaterThan(2);
    expect(recB.find('floor:update').length).toBeGreaterThan(2);
    // ...and nothing of the other, nor the other's words.
    expect(recA.find(b.memberId)).toEqual([]);
    expect(recA.find(b.displayName)).toEqual([]);
    expect(recA.find(bSaid)).toEqual([]);
    expect(recB.find(a.memberId)).toEqual([]);
    expect(recB.find(a.displayName)).toEqual([]);
    expect(recB.find(aSaid)).toEqual([]);
  });

  it('sends each the floor with the other again once the alert is resolved, and the quiet rule holds between them at once', async () => {
    const { fixture, a, b, c, floorsOf, path, send } = await quietRoundOfThree();
    const alert = await a.client.post(path('/safety'), { kind: 'knows-member', aboutMemberId: b.memberId });
    expect(alert.status).toBe(201);
    await a.client.post(path('/floor/done'));
    // B speaks, hidden from A: A may write.
    expect((await send(a, 'Hej')).ok).toBe(true);

    const count = floorsOf.get(a)!.length;
    const resolved = await fixture.facilitator.client.post(`/safety/${alert.body.id}/resolve`, {
      note: 'Talt med begge',
    });
    expect(resolved.status).toBe(200);
    // At once (the same tick as the answer): B's turn silences A again.
    expect(await send(a, 'Og igen')).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });
    await eventually(() => floorsOf.get(a)!.length > count && floorsOf.get(a)!.at(-1)?.speaking === b.memberId);
    expect(floorsOf.get(a)!.at(-1)).toMatchObject({
      speaking: b.memberId,
      hands: [c.memberId],
      round: { order: [a.memberId, b.memberId, c.memberId], done: [a.memberId] },
    });
    await eventually(() => floorsOf.get(b)!.at(-1)?.round?.order.includes(a.memberId) === true);
  });
});
