import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { ask, collect, connectChat, eventually, next, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type SendAck = { ok: boolean; code?: string; message?: { id: string; seq: number; body: string; clientMessageId?: string } };
type JoinAck = { ok: boolean; code?: string; room: { mode: string; waitingForFacilitator: boolean; facilitatorPresent: boolean }; messages: { id: string; seq: number; body: string }[]; hasMore: boolean };

describe('chat gateway', () => {
  let app: TestApp;
  let admin: Client;
  const sockets: ChatClient[] = [];
  const open = async (client: Client) => {
    const socket = await connectChat(app, client);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  describe('the room window', () => {
    let fixture: GroupFixture;
    let alice: Participant;

    beforeAll(async () => {
      fixture = await createGroupFixture(app, admin);
      alice = await addApprovedParticipant(app, fixture, { displayName: 'Alfa' });
    });

    it('is closed outside a meeting, and waits for a facilitator once a meeting is on', async () => {
      const socket = await open(alice.client);
      const closedJoin = await ask<JoinAck>(socket, 'room:join', { groupId: fixture.groupId });
      expect(closedJoin).toMatchObject({ ok: false, code: 'ROOM_CLOSED' });
      const closedSend = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Hej' });
      expect(closedSend).toMatchObject({ ok: false, code: 'ROOM_CLOSED' });

      // Started 5 minutes ago, ends in 15.
      await startMeetingNow(app, fixture, 20);
      const joined = await ask<JoinAck>(socket, 'room:join', { groupId: fixture.groupId });
      expect(joined.ok).toBe(true);
      expect(joined.room).toMatchObject({ mode: 'open', waitingForFacilitator: true, facilitatorPresent: false });
      const waiting = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Er der nogen?' });
      expect(waiting).toMatchObject({ ok: false, code: 'WAITING_FOR_FACILITATOR' });

      const opened = next<{ facilitatorPresent: boolean; waitingForFacilitator: boolean }>(socket, 'room:state');
      const facilitator = await open(fixture.facilitator.client);
      expect((await ask<JoinAck>(facilitator, 'room:join', { groupId: fixture.groupId })).ok).toBe(true);
      expect(await opened).toMatchObject({ facilitatorPresent: true, waitingForFacilitator: false });
      const sent = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Godt at se dig' });
      expect(sent.ok).toBe(true);

      // The room stays open when the facilitator leaves.
      const left = next<{ facilitatorPresent: boolean; waitingForFacilitator: boolean }>(socket, 'room:state');
      facilitator.close();
      expect(await left).toMatchObject({ facilitatorPresent: false, waitingForFacilitator: false });
      expect((await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Stadig her' })).ok).toBe(true);

      // After the meeting's end (clock moved, the session still within its idle time), the room is closed again.
      app.clock.advance(20 * 60_000);
      try {
        const late = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'For sent' });
        expect(late).toMatchObject({ ok: false, code: 'ROOM_CLOSED' });
      } finally {
        app.clock.reset();
      }
    });
  });

  describe('sending', () => {
    let fixture: GroupFixture;
    let alice: Participant;
    let bob: Participant;

    beforeAll(async () => {
      fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 40 });
      alice = await addApprovedParticipant(app, fixture, { displayName: 'Alfa' });
      bob = await addApprovedParticipant(app, fixture, { displayName: 'Bravo' });
      await startMeetingNow(app, fixture);
    });

    it('acknowledges only after the row exists, and a resend with the same client id gives the same message', async () => {
      const socket = await open(alice.client);
      const clientMessageId = newClientId();
      const first = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId, body: '  Første besked  ' });
      expect(first.ok).toBe(true);
      const rows = await app.dataSource.query('SELECT id FROM messages WHERE id = ?', [first.message!.id]);
      expect(rows).toHaveLength(1);
      expect(first.message).toMatchObject({ body: 'Første besked', clientMessageId });
      const again = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId, body: 'changed text' });
      expect(again.message!.id).toBe(first.message!.id);
      expect(again.message!.body).toBe('Første besked');
      const count = await app.dataSource.query('SELECT COUNT(*) AS n FROM messages WHERE client_message_id = ?', [clientMessageId]);
      expect(Number(count[0].n)).toBe(1);
    });

    it('refuses bad payloads with an error ack and stays connected', async () => {
      const socket = await open(alice.client);
      const cases: unknown[] = [
        null,
        'text',
        [1, 2],
        { groupId: fixture.groupId, clientMessageId: 'not-a-uuid', body: 'x' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: '   ' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'a'.repeat(4001) },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'bell\u0007' },
        // The one plain-text rule less CR (NOT_CHAT_TEXT): C1 (U+009B is a terminal escape), a carriage return, half a character.
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: '\u009b31m rød' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'linje\r\nto' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'halv \uD83D' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'ok', contentWarning: 'vold\u0085' },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'ok', extra: 1 },
        { groupId: fixture.groupId, clientMessageId: newClientId(), body: 42 },
      ];
      for (const payload of cases) {
        const ack = await ask<SendAck>(socket, 'message:send', payload);
        expect(ack).toMatchObject({ ok: false, code: 'VALIDATION' });
      }
      const fine = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'linje 1\n\tlinje 2 😀'.padEnd(10, '.') });
      expect(fine.ok).toBe(true);
      const exactly = await ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: '😀'.repeat(4000) });
      expect(exactly.ok).toBe(true);
      expect(socket.connected).toBe(true);
    });

    it('rate-limits per account across sockets, keeping the connection', async () => {
      const one = await open(bob.client);
      const two = await open(bob.client);
      const acks = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          ask<SendAck>(i % 2 ? one : two, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: `hurtig ${i}` }),
        ),
      );
      expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(12);
      expect(acks.some((a) => a.code === 'RATE_LIMITED')).toBe(true);
      expect(one.connected && two.connected).toBe(true);
    });

    it('lets a dropped client catch up exactly, in order, on rejoin', async () => {
      const reader = await open(alice.client);
      const joined = await ask<JoinAck>(reader, 'room:join', { groupId: fixture.groupId });
      const lastSeen = joined.messages.at(-1)!.id;
      reader.disconnect();
      const writer = await open(bob.client);
      await new Promise((r) => setTimeout(r, 2100)); // let bob's rate budget refill
      const sent: string[] = [];
      for (let i = 0; i < 8; i++) {
        const ack = await ask<SendAck>(writer, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: `mens du var væk ${i}` });
        expect(ack.ok).toBe(true);
        sent.push(ack.message!.id);
      }
      const back = await open(alice.client);
      const caughtUp = await ask<JoinAck>(back, 'room:join', { groupId: fixture.groupId, afterMessageId: lastSeen });
      expect(caughtUp.messages.map((m) => m.id)).toEqual(sent);
      expect(caughtUp.hasMore).toBe(false);
      const seqs = caughtUp.messages.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const unknown = await ask<JoinAck>(back, 'room:join', { groupId: fixture.groupId, afterMessageId: newClientId() });
      expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });

    it('stores 50 concurrent senders once each, in one order seen identically by every receiver', async () => {
      const senders: Participant[] = [];
      for (let i = 0; i < 25; i++) senders.push(await addApprovedParticipant(app, fixture));
      const receivers = [await open(alice.client), await open(bob.client), await open(fixture.facilitator.client)];
      const seen = receivers.map((r) => collect<{ message: { id: string; seq: number } }>(r, 'message:new'));
      for (const r of receivers) expect((await ask<JoinAck>(r, 'room:join', { groupId: fixture.groupId })).ok).toBe(true);
      const senderSockets: ChatClient[] = [];
      for (const s of senders) senderSockets.push(await open(s.client), await open(s.client));
      const acks = await Promise.all(
        senderSockets.map((socket, i) =>
          ask<SendAck>(socket, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: `samtidig ${i}` }),
        ),
      );
      expect(acks.every((a) => a.ok)).toBe(true);
      const ids = acks.map((a) => a.message!.id);
      expect(new Set(ids).size).toBe(50);
      const stored = await app.dataSource.query(
        `SELECT id FROM messages WHERE id IN (${ids.map(() => '?').join(',')})`,
        ids,
      );
      expect(stored).toHaveLength(50);
      await eventually(() => seen.every((s) => s.filter((e) => ids.includes(e.message.id)).length === 50));
      const orders = seen.map((s) => s.filter((e) => ids.includes(e.message.id)).map((e) => e.message.id));
      expect(orders[1]).toEqual(orders[0]);
      expect(orders[2]).toEqual(orders[0]);
      const seqOrder = seen[0].filter((e) => ids.includes(e.message.id)).map((e) => e.message.seq);
      expect(seqOrder).toEqual([...seqOrder].sort((a, b) => a - b));
      expect(new Set(seqOrder).size).toBe(50);
    });
  });

  describe('the connection', () => {
    let fixture: GroupFixture;
    let alice: Participant;
    let bob: Participant;

    beforeAll(async () => {
      fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
      alice = await addApprovedParticipant(app, fixture, { displayName: 'Alfa' });
      bob = await addApprovedParticipant(app, fixture, { displayName: 'Bravo' });
      await startMeetingNow(app, fixture);
    });

    it('tells the others in the room who is typing, by pseudonym only', async () => {
      const writer = await open(alice.client);
      const reader = await open(bob.client);
      for (const s of [writer, reader]) expect((await ask<JoinAck>(s, 'room:join', { groupId: fixture.groupId })).ok).toBe(true);
      const typing = next<{ groupId: string; memberId: string; displayName: string }>(reader, 'member:typing');
      await ask(writer, 'typing', { groupId: fixture.groupId });
      expect(await typing).toEqual({ groupId: fixture.groupId, memberId: alice.memberId, displayName: 'Alfa' });
    });

    it('closes a socket that sends a frame over 64 KB, and only that socket', async () => {
      const big = await open(alice.client);
      const other = await open(bob.client);
      const closed = new Promise<void>((resolve) => big.once('disconnect', () => resolve()));
      big.emit('message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'x'.repeat(70_000) }, () => undefined);
      await closed;
      expect(other.connected).toBe(true);
      expect((await ask<SendAck>(other, 'message:send', { groupId: fixture.groupId, clientMessageId: newClientId(), body: 'Stadig her' })).ok).toBe(true);
    });

    it('counts socket activity toward the idle timeout of the session', async () => {
      const socket = await open(alice.client);
      try {
        app.clock.advance(20 * 60_000);
        await ask(socket, 'typing', { groupId: fixture.groupId });
        app.clock.advance(20 * 60_000);
        // 40 minutes since the last HTTP request, but only 20 since the socket was last used.
        expect((await alice.client.get('/auth/me')).status).toBe(200);
      } finally {
        app.clock.reset();
      }
    });
  });
});
