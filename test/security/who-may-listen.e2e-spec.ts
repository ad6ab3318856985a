import type { Socket } from 'socket.io-client';
import type request from 'supertest';
import { GONE_GRACE_MS, ListeningSessions } from '../../api/src/modules/chat/listening-sessions';
import { RealtimeService } from '../../api/src/modules/realtime/realtime.service';
import { startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type Participant } from '../support/groups';
import { eventsOf, expectJoinRacingLeaveDeaf, expectSilenced, type Heard, openListeningRoom, recordAll, type ListeningRoom, type SilenceCheck } from '../support/listening-room';
import { joinRoom, sendMessage, settle } from '../support/moderation-fixtures';
import { ask, connectChat, eventually, type ChatClient } from '../support/sockets';
import { Client, createStaff, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const MINUTE = 60_000;

/**
 * CONTRACT "Who may listen" / TESTING "Nobody hears it any more": for every change of who may
 * listen, a socket that was in the room hears nothing after the HTTP answer that caused it (or was
 * already cut when the answer came). Each test first proves, through two canaries in the same room
 * (a member and the facilitator), that the disturbance it then checks for was really sent.
 */
describe('who may listen', () => {
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

  const silenced = (room: ListeningRoom, victim: Client, cause: () => Promise<request.Response>, expected: Omit<SilenceCheck, 'socketApp' | 'victim' | 'cause'>) =>
    expectSilenced(room, sockets, { socketApp: app, victim, cause, ...expected });

  const member = (room: ListeningRoom, displayName?: string) => addApprovedParticipant(app, room.fixture, displayName ? { displayName } : {});
  const newRoom = () => openListeningRoom(app, admin, sockets);

  /** A facilitator account assigned to the room's group (besides the canary facilitator). */
  async function secondFacilitator(room: ListeningRoom) {
    const staff = await createStaff(app, admin, 'facilitator', `fac2.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, undefined, 'Anden');
    const assigned = await admin.post(`/groups/${room.groupId}/facilitators`, { accountId: staff.id });
    expect(assigned.status).toBe(201);
    return staff;
  }

  /** A second session of the same person, e.g. on another device. */
  const secondSession = (p: Participant) => signIn(app, p.login, p.password);

  async function sessionIdOf(owner: Client, other: Client): Promise<string> {
    const mine = (await other.get('/auth/sessions')).body.items.find((s: { current: boolean }) => s.current);
    expect((await owner.get('/auth/sessions')).body.items.map((s: { id: string }) => s.id)).toContain(mine.id);
    return mine.id as string;
  }

  describe('each change of rights, before its answer', () => {
    it('a member who leaves stops hearing the room, stays connected, and cannot send there', async () => {
      const room = await newRoom();
      const p = await member(room);
      const { socket } = await silenced(room, p.client, () => p.client.delete(`/groups/${room.groupId}/membership`), {
        status: 204,
        cut: { kind: 'stays-connected' },
      });
      expect(await sendMessage(socket, room.groupId, 'Er jeg her endnu?')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await ask(socket, 'room:join', { groupId: room.groupId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });

    for (const [action, notice, reason] of [
      ['remove', 'removed', 'Brud på reglerne'],
      ['ban', 'banned', 'Chikane'],
    ] as const) {
      it(`a member the facilitator ${notice} is told and cut before the answer, and cannot join again`, async () => {
        const room = await newRoom();
        const p = await member(room);
        await silenced(room, p.client, () => room.fixture.facilitator.client.post(`/groups/${room.groupId}/members/${p.memberId}/${action}`, { reason }), {
          status: 200,
          cut: { kind: 'member', notice },
        });
        const again = await connectChat(app, p.client);
        sockets.push(again);
        expect(await ask(again, 'room:join', { groupId: room.groupId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      });
    }

    it('an unassigned facilitator hears no message, alert, report, held message or removal reason any more', async () => {
      const room = await newRoom();
      const staff = await secondFacilitator(room);
      const { heard } = await silenced(room, staff.client, () => admin.delete(`/groups/${room.groupId}/facilitators/${staff.id}`), {
        status: 204,
        cut: { kind: 'stays-connected' },
      });
      // What only facilitators get, named once more because it is what a departed facilitator must not keep.
      for (const event of ['report:new', 'message:held', 'safety:alert']) expect(eventsOf(heard)).not.toContain(event);
      expect(JSON.stringify(heard)).not.toContain('removalReason');
      expect(JSON.stringify(heard)).not.toContain('Fjernet af hensyn');
      expect(JSON.stringify(heard)).not.toContain('Det her bliver fjernet');
    });

    it('a disabled staff account is told `session:revoked` and cut before the answer', async () => {
      const room = await newRoom();
      const staff = await secondFacilitator(room);
      await silenced(room, staff.client, () => admin.post(`/admin/staff/${staff.id}/disable`), {
        status: 200,
        cut: { kind: 'session', reason: 'account-disabled' },
      });
      await expect(connectChat(app, staff.client)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('a deleted account is cut before the answer', async () => {
      const room = await newRoom();
      const p = await member(room);
      await silenced(room, p.client, () => p.client.delete('/me', { password: p.password }), {
        status: 204,
        cut: { kind: 'session', reason: 'account-deleted' },
      });
      await expect(connectChat(app, p.client)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('logging out cuts that session’s socket before the answer', async () => {
      const room = await newRoom();
      const p = await member(room);
      const token = p.client.sessionToken();
      await silenced(room, p.client, () => p.client.post('/auth/logout'), { status: 204, cut: { kind: 'session', reason: 'logout' } });
      await expect(connectChat(app, null, { token })).rejects.toThrow('UNAUTHENTICATED');
    });

    it('revoking one session (DELETE /auth/sessions/:id) cuts its socket; the session that revoked it keeps hearing', async () => {
      const room = await newRoom();
      const p = await member(room);
      const other = await secondSession(p);
      const id = await sessionIdOf(p.client, other);
      await silenced(room, other, () => p.client.delete(`/auth/sessions/${id}`), {
        status: 204,
        cut: { kind: 'session', reason: 'revoked' },
        keeps: p.client,
      });
    });

    it('revoking all other sessions (DELETE /auth/sessions) cuts their sockets; this one keeps hearing', async () => {
      const room = await newRoom();
      const p = await member(room);
      const other = await secondSession(p);
      await silenced(room, other, () => p.client.delete('/auth/sessions'), {
        status: 204,
        cut: { kind: 'session', reason: 'revoked' },
        keeps: p.client,
      });
    });

    it('a password change cuts the other sessions’ sockets; the session that changed it keeps hearing', async () => {
      const room = await newRoom();
      const p = await member(room);
      const other = await secondSession(p);
      await silenced(room, other, () => p.client.post('/auth/password', { currentPassword: p.password, newPassword: `${p.password}-nyt` }), {
        status: 204,
        cut: { kind: 'session', reason: 'password-changed' },
        keeps: p.client,
      });
    });

    it('a recovery (POST /auth/recover) cuts every session’s socket', async () => {
      const room = await newRoom();
      const p = await member(room);
      const stranger = new Client(app.url);
      await silenced(
        room,
        p.client,
        () => stranger.post('/auth/recover', { login: p.login, recoveryCode: p.recoveryCodes[0], newPassword: 'et helt nyt kodeord' }),
        { status: 204, cut: { kind: 'session', reason: 'password-recovered' } },
      );
    });
  });

  describe('the socket limits', () => {
    it('a change of rights racing a `room:join` never leaves the socket hearing the room', async () => {
      await expectJoinRacingLeaveDeaf(await newRoom(), sockets, app);
    });

    it('refuses an account’s 11th socket with `TOO_MANY_CONNECTIONS`, also in a burst, and admits one again after a close', async () => {
      const room = await newRoom();
      const p = await member(room);
      const ten: ChatClient[] = [];
      for (let i = 0; i < 10; i++) ten.push(await connectChat(app, p.client));
      sockets.push(...ten);
      await expect(connectChat(app, p.client)).rejects.toThrow('TOO_MANY_CONNECTIONS');
      ten[0].close();
      await eventually(async () => {
        try {
          sockets.push(await connectChat(app, p.client));
          return true;
        } catch {
          return false;
        }
      });

      // Twelve handshakes at once: exactly ten get through.
      const q = await member(room);
      const burst = await Promise.allSettled(Array.from({ length: 12 }, () => connectChat(app, q.client)));
      for (const r of burst) if (r.status === 'fulfilled') sockets.push(r.value);
      expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      for (const r of burst.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(String(r.reason)).toContain('TOO_MANY_CONNECTIONS');
    });

    it('throttles typing per account, however many sockets it uses', async () => {
      const room = await newRoom();
      const p = await member(room, 'Skriver');
      const first = await joinRoom(app, p.client, room.groupId, sockets);
      const second = await joinRoom(app, p.client, room.groupId, sockets);
      const typingOf = (memberId: string) =>
        room.listenerHeard.filter((h) => h.event === 'member:typing' && (h.payload as { memberId: string }).memberId === memberId);
      await ask(first, 'typing', { groupId: room.groupId });
      await eventually(() => typingOf(p.memberId).length === 1);
      await ask(second, 'typing', { groupId: room.groupId });
      await ask(first, 'typing', { groupId: room.groupId });
      // Someone else's typing still comes through, after the throttled ones would have.
      const other = await joinRoom(app, room.speaker.client, room.groupId, sockets);
      await ask(other, 'typing', { groupId: room.groupId });
      await eventually(() => typingOf(room.speaker.memberId).length === 1);
      await settle(50);
      expect(typingOf(p.memberId)).toHaveLength(1);
    });
  });
});

/**
 * Session expiry on the app clock, with no request by the session: the sweep that runs when the
 * clock moves (and every 15 s in production) must cut the socket with `session:revoked`.
 */
describe('who may listen: sessions that expire on their own', () => {
  let app: TestApp;
  let admin: Client;
  let sweeps: ListeningSessions;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    sweeps = app.app.get(ListeningSessions);
  });
  beforeEach(async () => {
    // Every earlier test moved the clock past the admin's idle time.
    admin = await signInAdmin(app);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app.close());

  /**
   * Moves the app clock and waits for the sweep that move started, so a cut it made has been sent:
   * for checks that nothing was cut. Where a cut is expected, the test only moves the clock and
   * waits for it (the sweep must start on its own).
   */
  async function advance(ms: number): Promise<void> {
    app.clock.advance(ms);
    await sweeps.sweep();
    await settle(50);
  }

  const revokedIn = (heard: Heard[]) => heard.filter((h) => h.event === 'session:revoked');

  /** Bounded: the sweep runs when the clock moves (and every 15 s), so 5 s is ample. */
  async function expectCutForExpiry(heard: Heard[], socket: ChatClient): Promise<void> {
    await eventually(() => !socket.connected, 5000);
    expect(revokedIn(heard).map((h) => h.payload)).toEqual([{ reason: 'expired' }]);
    expect(eventsOf(heard).slice(-2)).toEqual(['session:revoked', 'disconnect']);
  }

  /** A group whose room is read-only between meetings and has none: joined, but not listening to a meeting. */
  async function quietRoom() {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false, betweenSessions: 'read-only' });
    const p = await addApprovedParticipant(app, fixture);
    const socket = await joinRoom(app, p.client, fixture.groupId, sockets);
    return { fixture, p, socket, heard: recordAll(socket) };
  }

  it('cuts an idle session’s socket 30 minutes after its last request, with no request at all', async () => {
    const { p, socket, heard } = await quietRoom();
    const token = p.client.sessionToken();
    await advance(29 * MINUTE);
    expect(socket.connected).toBe(true);
    expect(revokedIn(heard)).toEqual([]);
    app.clock.advance(2 * MINUTE);
    await expectCutForExpiry(heard, socket);
    await expect(connectChat(app, null, { token })).rejects.toThrow('UNAUTHENTICATED');
  });

  it('cuts a session 12 hours after sign-in although it was used all along', async () => {
    const { socket, heard } = await quietRoom();
    let elapsed = 0;
    while (elapsed + 25 * MINUTE < 12 * 60 * MINUTE) {
      await advance(25 * MINUTE);
      elapsed += 25 * MINUTE;
      expect(await ask(socket, 'activity', {})).toEqual({ ok: true });
    }
    expect(revokedIn(heard)).toEqual([]);
    app.clock.advance(12 * 60 * MINUTE - elapsed + MINUTE);
    await expectCutForExpiry(heard, socket);
  });

  it('heartbeats and reconnects do not keep a session alive', async () => {
    const { p, socket, heard } = await quietRoom();
    await advance(20 * MINUTE);
    // What the engine sends on its own: heartbeat answers, and a new handshake with the same cookie.
    const engine = (socket as unknown as Socket).io.engine as unknown as { _sendPacket: (type: string) => void };
    for (let i = 0; i < 3; i++) engine._sendPacket('pong');
    const reconnected = await connectChat(app, p.client);
    sockets.push(reconnected);
    const reconnectedHeard = recordAll(reconnected);
    await settle(50);
    app.clock.advance(11 * MINUTE);
    await expectCutForExpiry(heard, socket);
    await expectCutForExpiry(reconnectedHeard, reconnected);
  });

  describe('what a person does on the socket keeps the session alive', () => {
    for (const input of ['message:send', 'typing', 'activity'] as const) {
      it(`\`${input}\` restarts the idle time`, async () => {
        const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
        await startMeetingNow(app, fixture, 600);
        const p = await addApprovedParticipant(app, fixture);
        // Connected but not in the room: listening to the meeting does not count here.
        const socket = await connectChat(app, p.client);
        sockets.push(socket);
        const heard = recordAll(socket);
        await advance(20 * MINUTE);
        if (input === 'message:send') expect((await sendMessage(socket, fixture.groupId, 'Stadig her')).ok).toBe(true);
        else expect(await ask(socket, input, input === 'typing' ? { groupId: fixture.groupId } : {})).toEqual({ ok: true });
        await advance(20 * MINUTE);
        // 40 minutes after the last request, 20 after the input.
        expect(socket.connected).toBe(true);
        expect(revokedIn(heard)).toEqual([]);
        app.clock.advance(11 * MINUTE);
        await expectCutForExpiry(heard, socket);
      });
    }
  });

  it('a request with an idle session’s cookie ends the session and tells its sockets why, without waiting for a sweep', async () => {
    const { p, socket, heard } = await quietRoom();
    const noSweep = jest.spyOn(sweeps, 'sweep').mockResolvedValue();
    try {
      app.clock.advance(31 * MINUTE);
      expect((await p.client.get('/auth/sessions')).status).toBe(401);
      await expectCutForExpiry(heard, socket);
    } finally {
      noSweep.mockRestore();
    }
  });

  describe('a session deleted by someone else: the sweep does not speak for the revoker', () => {
    /** Deletes the session's row the way a revoke on another instance does, before its word arrives here. */
    async function deletedElsewhere(client: Client): Promise<string> {
      const sessions = (await client.get('/auth/sessions')).body.items as Array<{ id: string; current: boolean }>;
      const sessionId = sessions.find((s) => s.current)!.id;
      await app.dataSource.query('DELETE FROM sessions WHERE id = ?', [sessionId]);
      return sessionId;
    }

    it('a sweep between the delete and the revoker’s word leaves the socket to that word and its reason', async () => {
      const { p, socket, heard } = await quietRoom();
      const sessionId = await deletedElsewhere(p.client);
      await advance(1000);
      expect(socket.connected).toBe(true);
      expect(revokedIn(heard)).toEqual([]);
      await app.app.get(RealtimeService).revoke({ kind: 'session', sessionId, reason: 'password-changed' });
      await eventually(() => !socket.connected, 5000);
      expect(revokedIn(heard).map((h) => h.payload)).toEqual([{ reason: 'password-changed' }]);
    });

    it('a word that never comes: the socket is cut as `revoked` by a sweep due when the grace time is up', async () => {
      const { p, socket, heard } = await quietRoom();
      await deletedElsewhere(p.client);
      const foundGone = performance.now();
      await advance(0); // the first look that finds it gone; no other sweep is asked for below
      expect(socket.connected).toBe(true);
      await eventually(() => !socket.connected, GONE_GRACE_MS + 5000);
      expect(performance.now() - foundGone).toBeGreaterThanOrEqual(GONE_GRACE_MS);
      expect(revokedIn(heard).map((h) => h.payload)).toEqual([{ reason: 'revoked' }]);
      expect(eventsOf(heard).slice(-2)).toEqual(['session:revoked', 'disconnect']);
    });
  });

  it('a member listening in a room open for a meeting is not cut while it runs, and is 30 idle minutes after it ends', async () => {
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    // Started 5 minutes ago, ends in 85.
    await startMeetingNow(app, fixture, 90);
    const p = await addApprovedParticipant(app, fixture);
    const socket = await joinRoom(app, p.client, fixture.groupId, sockets);
    const heard = recordAll(socket);
    // The sweep looks at least every 15 s in production; here it looks at every move.
    for (const step of [31, 30, 23]) {
      await advance(step * MINUTE);
      expect(socket.connected).toBe(true);
    }
    await advance(2 * MINUTE); // the meeting ended a minute ago; last counted as active a minute before it ended
    await advance(27 * MINUTE); // 29 idle minutes
    expect(socket.connected).toBe(true);
    expect(revokedIn(heard)).toEqual([]);
    app.clock.advance(2 * MINUTE);
    await expectCutForExpiry(heard, socket);
  });
});
