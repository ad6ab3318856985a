import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { startMeetingNow } from '../support/chat-fixtures';
import { joinRoom, record, sendMessage, type JoinAck } from '../support/moderation-fixtures';
import { ask, connectChat, type ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type LogItem = {
  action: string;
  actorDisplayName: string | null;
  targetMemberId: string | null;
  messageId: string | null;
  reason: string;
  expiresAt: string | null;
  details: Record<string, unknown> | null;
};

describe('moderation actions on live sockets', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  const sockets: ChatClient[] = [];
  const join = (client: Client) => joinRoom(app, client, fixture.groupId, sockets);
  const facilitator = () => fixture.facilitator.client;
  const log = async (): Promise<LogItem[]> => {
    const res = await facilitator().get(`/groups/${fixture.groupId}/moderation-log`);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 40, rules: 'Vær venlige.' });
    await startMeetingNow(app, fixture, 600);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
    app.clock.reset();
  });
  afterAll(() => app.close());

  describe('removing a message', () => {
    it('turns it into a tombstone for members and keeps original and reason for facilitators, before the answer', async () => {
      const writer = await addApprovedParticipant(app, fixture, { displayName: 'Skribent' });
      const reader = await addApprovedParticipant(app, fixture, { displayName: 'Læser' });
      const writerSocket = await join(writer.client);
      const readerEvents = record(await join(reader.client), ['message:removed']);
      const facilitatorEvents = record(await join(facilitator()), ['message:removed']);
      const sent = await sendMessage(writerSocket, fixture.groupId, 'Noget grimt at sige');
      expect(sent.ok).toBe(true);
      const before = (await log()).length;

      const res = await facilitator().delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`, {
        reason: 'Krænkende',
      });
      const readerAtAnswer = [...readerEvents];
      const facilitatorAtAnswer = [...facilitatorEvents];
      expect(res.status).toBe(204);
      expect(readerAtAnswer).toHaveLength(1);
      const memberView = (readerAtAnswer[0].payload as { message: Record<string, unknown> }).message;
      expect(memberView).toMatchObject({ id: sent.message!.id, body: null, removed: 'facilitator' });
      expect(memberView).not.toHaveProperty('originalBody');
      expect(memberView).not.toHaveProperty('removalReason');
      expect(JSON.stringify(memberView)).not.toContain('Krænkende');
      expect(facilitatorAtAnswer).toHaveLength(1);
      expect((facilitatorAtAnswer[0].payload as { message: unknown }).message).toMatchObject({
        body: null,
        originalBody: 'Noget grimt at sige',
        removalReason: 'Krænkende',
      });

      const history = await reader.client.get(`/groups/${fixture.groupId}/messages`);
      const tombstone = history.body.items.find((m: { id: string }) => m.id === sent.message!.id);
      expect(tombstone).toMatchObject({ body: null, removed: 'facilitator' });
      expect(history.text).not.toContain('Noget grimt');
      const staffHistory = await facilitator().get(`/groups/${fixture.groupId}/messages`);
      expect(staffHistory.body.items.find((m: { id: string }) => m.id === sent.message!.id)).toMatchObject({
        originalBody: 'Noget grimt at sige',
        removalReason: 'Krænkende',
      });

      const entries = await log();
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]).toMatchObject({
        action: 'message-removed',
        actorDisplayName: 'Mette',
        targetMemberId: writer.memberId,
        messageId: sent.message!.id,
        reason: 'Krænkende',
      });
      expect(
        (await facilitator().delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`, { reason: 'igen' }))
          .status,
      ).toBe(409);
    });

    it("needs a reason from a facilitator removing someone else's message", async () => {
      const writer = await addApprovedParticipant(app, fixture);
      const sent = await sendMessage(await join(writer.client), fixture.groupId, 'Hej alle');
      const res = await facilitator().delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`, {});
      expect(res.status).toBe(400);
      expect(
        (
          await facilitator().delete(`/groups/${fixture.groupId}/messages/${sent.message!.id}`, {
            reason: 'x',
            extra: 1,
          })
        ).status,
      ).toBe(400);
    });
  });

  describe('mute', () => {
    let member: Participant;
    let socket: ChatClient;

    beforeEach(async () => {
      member = await addApprovedParticipant(app, fixture);
      socket = await join(member.client);
    });

    it('tells the member until when before the answer, refuses a send in the same tick, and lifts itself at the end (clock injected)', async () => {
      const events = record(socket, ['moderation:notice']);
      const res = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/mute`, {
        minutes: 10,
        reason: 'Tag en pause',
      });
      const atAnswer = [...events];
      // The send goes out in the same tick as the answer arrived.
      const refused = await sendMessage(socket, fixture.groupId, 'Må jeg skrive?');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ memberId: member.memberId, status: 'approved', mutedUntil: expect.any(String) });
      expect(atAnswer).toEqual([
        {
          event: 'moderation:notice',
          payload: { groupId: fixture.groupId, kind: 'muted', until: res.body.mutedUntil },
        },
      ]);
      expect(refused).toMatchObject({ ok: false, code: 'MUTED' });
      expect(socket.connected).toBe(true);
      const entries = await log();
      expect(entries[0]).toMatchObject({
        action: 'muted',
        targetMemberId: member.memberId,
        reason: 'Tag en pause',
        expiresAt: res.body.mutedUntil,
        actorDisplayName: 'Mette',
      });

      app.clock.advance(9 * 60_000);
      expect(await sendMessage(socket, fixture.groupId, 'Stadig ikke?')).toMatchObject({ ok: false, code: 'MUTED' });
      app.clock.advance(61_000);
      expect(await sendMessage(socket, fixture.groupId, 'Nu igen')).toMatchObject({ ok: true });
    });

    it('ends at once on unmute, told before the answer, without a disconnect', async () => {
      const muted = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/mute`, {
        minutes: 60,
        reason: 'Pause',
      });
      expect(muted.status).toBe(200);
      const before = (await log()).length;
      const events = record(socket, ['moderation:notice']);
      const res = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/unmute`, {});
      const atAnswer = [...events];
      const sent = await sendMessage(socket, fixture.groupId, 'Tak');
      expect(res.status).toBe(200);
      expect(res.body.mutedUntil).toBeNull();
      expect(atAnswer).toEqual([
        { event: 'moderation:notice', payload: { groupId: fixture.groupId, kind: 'unmuted' } },
      ]);
      expect(sent.ok).toBe(true);
      expect(socket.connected).toBe(true);
      const entries = await log();
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]).toMatchObject({ action: 'unmuted', targetMemberId: member.memberId });
      expect(
        (await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/unmute`, {})).status,
      ).toBe(409);
    });

    it('checks its input and refuses to mute a facilitator', async () => {
      for (const body of [
        { minutes: 0, reason: 'x' },
        { minutes: 10081, reason: 'x' },
        { minutes: 5 },
        { minutes: 5, reason: 'x', until: 'soon' },
      ]) {
        expect(
          (await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/mute`, body)).status,
        ).toBe(400);
      }
      const self = await facilitator().post(`/groups/${fixture.groupId}/members/${fixture.facilitator.memberId}/mute`, {
        minutes: 5,
        reason: 'x',
      });
      expect(self.status).toBe(409);
      expect(
        (
          await facilitator().post(`/groups/${fixture.groupId}/members/${crypto.randomUUID()}/mute`, {
            minutes: 5,
            reason: 'x',
          })
        ).status,
      ).toBe(404);
    });

    it('removes all of the member’s messages when asked, as tombstones everyone sees before the answer', async () => {
      const other = await addApprovedParticipant(app, fixture);
      const first = await sendMessage(socket, fixture.groupId, 'En');
      const second = await sendMessage(socket, fixture.groupId, 'To');
      const otherEvents = record(await join(other.client), ['message:removed']);
      const res = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/mute`, {
        minutes: 5,
        reason: 'Spam',
        removeMessages: true,
      });
      const atAnswer = otherEvents.map((e) => (e.payload as { message: { id: string; body: string | null } }).message);
      expect(res.status).toBe(200);
      expect(atAnswer.map((m) => m.id).sort()).toEqual([first.message!.id, second.message!.id].sort());
      expect(atAnswer.every((m) => m.body === null)).toBe(true);
      expect((await log())[0]).toMatchObject({ action: 'muted', details: { messagesRemoved: 2 } });
    });
  });

  describe('remove and ban', () => {
    it('removes: the notice first, then the member’s sockets are cut, all before the answer; rejoin is refused', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const witness = await addApprovedParticipant(app, fixture);
      const socket = await join(member.client);
      const old = await sendMessage(socket, fixture.groupId, 'Mit indlæg');
      const events = record(socket, ['moderation:notice', 'session:revoked']);
      const witnessEvents = record(await join(witness.client), ['message:removed']);
      const before = (await log()).length;

      const res = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/remove`, {
        reason: 'Brud på reglerne',
        removeMessages: true,
      });
      const atAnswer = events.map((e) => e.event);
      const witnessAtAnswer = [...witnessEvents];
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ memberId: member.memberId, status: 'removed' });
      expect(atAnswer).toEqual(['moderation:notice', 'disconnect']);
      expect(events[0].payload).toEqual({ groupId: fixture.groupId, kind: 'removed' });
      expect(witnessAtAnswer.map((e) => (e.payload as { message: { id: string } }).message.id)).toEqual([
        old.message!.id,
      ]);

      const again = await connectChat(app, member.client);
      sockets.push(again);
      expect(await ask<JoinAck>(again, 'room:join', { groupId: fixture.groupId })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      expect(await sendMessage(again, fixture.groupId, 'Tilbage?')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await member.client.get(`/groups/${fixture.groupId}/messages`)).status).toBe(404);

      const entries = await log();
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]).toMatchObject({
        action: 'removed',
        targetMemberId: member.memberId,
        reason: 'Brud på reglerne',
        details: { messagesRemoved: 1 },
      });
      expect(
        (await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/remove`, { reason: 'igen' }))
          .status,
      ).toBe(409);
    });

    it('bans: sockets cut before the answer, a send in the same tick refused, the client reference kept for later referrals', async () => {
      const member = await addApprovedParticipant(app, fixture, { clientReference: 'Sag 2026-0042' });
      const socket = await join(member.client);
      const second = await connectChat(app, member.client);
      sockets.push(second);
      const events = record(socket, ['moderation:notice']);

      const res = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/ban`, {
        reason: 'Chikane',
      });
      const atAnswer = events.map((e) => e.event);
      // A socket that had not joined the room tries to send in the same tick.
      const refused = await sendMessage(second, fixture.groupId, 'Jeg er her stadig');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('banned');
      expect(atAnswer).toEqual(['moderation:notice', 'disconnect']);
      expect(events[0].payload).toEqual({ groupId: fixture.groupId, kind: 'banned' });
      expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await log())[0]).toMatchObject({ action: 'banned', targetMemberId: member.memberId, reason: 'Chikane' });

      const bans = await app.dataSource.query(
        'SELECT account_id, client_reference_hash FROM group_bans WHERE group_id = ?',
        [fixture.groupId],
      );
      expect(bans).toEqual([
        { account_id: member.accountId, client_reference_hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
      const referral = await fixture.coordinator.client.post('/referrals', {
        groupId: fixture.groupId,
        clientReference: 'sag 2026-0042',
      });
      expect(referral.status).toBe(409);
      expect(referral.body.code).toBe('BANNED');
      const fresh = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
      expect(fresh.status).toBe(201);
      const redeem = await member.client.post('/auth/redeem', { code: fresh.body.code, displayName: 'Ny Start' });
      expect(redeem.status).toBe(400);
      expect(redeem.body.code).toBe('INVALID_CODE');
      expect(
        (await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/ban`, { reason: 'igen' }))
          .status,
      ).toBe(409);
    });
  });

  describe('room controls', () => {
    it('pins the group’s rules until a facilitator pins others, announced as room:state', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const socket = await connectChat(app, member.client);
      sockets.push(socket);
      const joined = await ask<JoinAck>(socket, 'room:join', { groupId: fixture.groupId });
      expect(joined.room).toMatchObject({ pinnedRules: 'Vær venlige.', locked: false, slowModeSeconds: 0 });
      const states = record(socket, ['room:state']);
      const res = await facilitator().patch(`/groups/${fixture.groupId}/room`, {
        pinnedRules: 'Ingen navne. Vær venlige.',
      });
      const atAnswer = [...states];
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ groupId: fixture.groupId, pinnedRules: 'Ingen navne. Vær venlige.' });
      expect(atAnswer.at(-1)?.payload).toMatchObject({ pinnedRules: 'Ingen navne. Vær venlige.' });
      expect((await log())[0]).toMatchObject({ action: 'room-updated', details: { pinnedRulesChanged: true } });
      for (const body of [{ slowModeSeconds: 601 }, { slowModeSeconds: -1 }, { locked: 'yes' }, { closed: true }]) {
        expect((await facilitator().patch(`/groups/${fixture.groupId}/room`, body)).status).toBe(400);
      }
    });

    it('locks: every socket is told before the answer, a member’s send in the same tick is refused, facilitators still post', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const socket = await join(member.client);
      const staffSocket = await join(facilitator());
      const states = record(socket, ['room:state']);
      const before = (await log()).length;
      const res = await facilitator().patch(`/groups/${fixture.groupId}/room`, { locked: true });
      const atAnswer = [...states];
      const refused = await sendMessage(socket, fixture.groupId, 'Hallo?');
      try {
        expect(res.status).toBe(200);
        expect(res.body.locked).toBe(true);
        expect(atAnswer.at(-1)?.payload).toMatchObject({ locked: true });
        expect(refused).toMatchObject({ ok: false, code: 'ROOM_LOCKED' });
        expect(await sendMessage(staffSocket, fixture.groupId, 'Vi holder en pause')).toMatchObject({ ok: true });
        const entries = await log();
        expect(entries).toHaveLength(before + 1);
        expect(entries[0]).toMatchObject({ action: 'room-updated', details: { locked: true } });
      } finally {
        const unlocked = await facilitator().patch(`/groups/${fixture.groupId}/room`, { locked: false });
        expect(unlocked.body.locked).toBe(false);
      }
      expect(await sendMessage(socket, fixture.groupId, 'Tak')).toMatchObject({ ok: true });
    });

    it('holds slow mode per member on the server (clock injected); facilitators are exempt', async () => {
      const one = await addApprovedParticipant(app, fixture);
      const two = await addApprovedParticipant(app, fixture);
      const socketOne = await join(one.client);
      const socketTwo = await join(two.client);
      const staffSocket = await join(facilitator());
      const res = await facilitator().patch(`/groups/${fixture.groupId}/room`, { slowModeSeconds: 30 });
      try {
        expect(res.body.slowModeSeconds).toBe(30);
        expect(await sendMessage(socketOne, fixture.groupId, 'Første')).toMatchObject({ ok: true });
        expect(await sendMessage(socketOne, fixture.groupId, 'Anden')).toMatchObject({ ok: false, code: 'SLOW_MODE' });
        // Another member is not slowed by the first one's message.
        expect(await sendMessage(socketTwo, fixture.groupId, 'Min første')).toMatchObject({ ok: true });
        expect(await sendMessage(staffSocket, fixture.groupId, 'En')).toMatchObject({ ok: true });
        expect(await sendMessage(staffSocket, fixture.groupId, 'To')).toMatchObject({ ok: true });
        // Inside the window by a margin that real time between the sends cannot use up; then past it.
        app.clock.advance(25_000);
        expect(await sendMessage(socketOne, fixture.groupId, 'Nu?')).toMatchObject({ ok: false, code: 'SLOW_MODE' });
        app.clock.advance(6_000);
        expect(await sendMessage(socketOne, fixture.groupId, 'Nu!')).toMatchObject({ ok: true });
      } finally {
        await facilitator().patch(`/groups/${fixture.groupId}/room`, { slowModeSeconds: 0 });
      }
      expect(await sendMessage(socketOne, fixture.groupId, 'Frit igen')).toMatchObject({ ok: true });
    });
  });

  it('lists running mutes and waiting work in the summary', async () => {
    const member = await addApprovedParticipant(app, fixture);
    const muted = await facilitator().post(`/groups/${fixture.groupId}/members/${member.memberId}/mute`, {
      minutes: 3,
      reason: 'x',
    });
    const summary = await facilitator().get(`/groups/${fixture.groupId}/moderation/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.mutes).toContainEqual({ memberId: member.memberId, until: muted.body.mutedUntil });
  });
});
