import type { Socket } from 'socket.io-client';
import type request from 'supertest';
import { newClientId } from '../support/chat-fixtures';
import { addApprovedParticipant, type Participant } from '../support/groups';
import { type Cut, eventsOf, expectJoinRacingLeaveDeaf, expectSilenced, type Heard, type ListeningRoom, openListeningRoom, recordAll } from '../support/listening-room';
import { joinRoom, type SendAck, sendMessage, settle } from '../support/moderation-fixtures';
import { createTestDatabase } from '../support/postgres';
import { describeWithRedis, startRedis, type TestRedis } from '../support/services';
import { ask, connectChat, eventually, type ChatClient } from '../support/sockets';
import { TcpProxy } from '../support/tcp-proxy';
import { Client, createStaff, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/**
 * CONTRACT "Who may listen" on two instances (PostgreSQL, and a Redis of this suite's own): a
 * change made through instance A is in force on instance B before A answers. Every check sends on
 * B in the same tick as A's answer arrives (TESTING "Stale state"), or looks at what B's socket
 * had got by then. B reaches Redis through a proxy that can stall, to show what B does when it
 * cannot hear the others.
 */
describeWithRedis('who may listen on two instances (PostgreSQL + Redis)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: TestRedis;
  let proxy: TcpProxy;
  let a: TestApp;
  let b: TestApp;
  let admin: Client;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startRedis();
    proxy = await TcpProxy.start(redis.port);
    a = await startTestApp({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url } });
    b = await startTestApp({ env: { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    admin = await signInAdmin(a);
  }, 60_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await redis?.remove();
    await db?.drop();
  });

  /** A room whose canaries (a member and the facilitator) listen on B; the facilitator acts on A. */
  const roomHeardOnB = () => openListeningRoom(a, admin, sockets, { canaryApp: b });
  const path = (room: ListeningRoom, rest: string) => `/groups/${room.groupId}${rest}`;
  const memberOf = (room: ListeningRoom) => addApprovedParticipant(a, room.fixture);
  async function socketOnB(client: Client): Promise<ChatClient> {
    const socket = await connectChat(b, client);
    sockets.push(socket);
    return socket;
  }

  /**
   * Runs an action on A while B hears Redis 100 ms late: an answer that did not wait for B to apply
   * the change would show, instead of hiding behind a fast local Redis.
   */
  async function whileBLags<T>(action: () => PromiseLike<T>): Promise<T> {
    proxy.delay(100);
    try {
      return await action();
    } finally {
      proxy.delay(0);
    }
  }

  describe('room rules changed on A are in force on B before A answers', () => {
    let room: ListeningRoom;
    let member: Participant;
    let onB: ChatClient;
    let heard: Heard[];

    beforeAll(async () => {
      room = await roomHeardOnB();
    });
    beforeEach(async () => {
      member = await memberOf(room);
      onB = await joinRoom(b, member.client, room.groupId, sockets);
      heard = recordAll(onB);
      // B has the rules of this room in memory: a stale copy is what the checks would catch.
      expect((await sendMessage(onB, room.groupId, 'Jeg er her')).ok).toBe(true);
    });

    it('mute: refused with MUTED on B in the same tick, and told; unmute: allowed again in the same tick', async () => {
      const facilitator = room.fixture.facilitator.client;
      const notices = () => heard.filter((h) => h.event === 'moderation:notice').map((h) => (h.payload as { kind: string }).kind);
      const muted = await whileBLags(() => facilitator.post(path(room, `/members/${member.memberId}/mute`), { minutes: 30, reason: 'En pause' }));
      const refused = sendMessage(onB, room.groupId, 'Efter mute');
      const toldAtAnswer = notices();
      expect(muted.status).toBe(200);
      expect(await refused).toMatchObject({ ok: false, code: 'MUTED' });
      expect(toldAtAnswer).toEqual(['muted']);

      const unmuted = await whileBLags(() => facilitator.post(path(room, `/members/${member.memberId}/unmute`), {}));
      const allowed = sendMessage(onB, room.groupId, 'Efter unmute');
      const toldAgainAtAnswer = notices();
      expect(unmuted.status).toBe(200);
      expect(await allowed).toMatchObject({ ok: true });
      expect(toldAgainAtAnswer).toEqual(['muted', 'unmuted']);
    });

    it('lock: refused with ROOM_LOCKED on B in the same tick; unlock: allowed again in the same tick', async () => {
      const facilitator = room.fixture.facilitator.client;
      const locked = await whileBLags(() => facilitator.patch(path(room, '/room'), { locked: true }));
      const refused = sendMessage(onB, room.groupId, 'Efter lås');
      const toldAtAnswer = heard.filter((h) => h.event === 'room:state').map((h) => (h.payload as { locked: boolean }).locked);
      expect(locked.status).toBe(200);
      expect(await refused).toMatchObject({ ok: false, code: 'ROOM_LOCKED' });
      expect(toldAtAnswer).toContain(true);

      const unlocked = await whileBLags(() => facilitator.patch(path(room, '/room'), { locked: false }));
      const allowed = sendMessage(onB, room.groupId, 'Efter oplåsning');
      expect(unlocked.status).toBe(200);
      expect(await allowed).toMatchObject({ ok: true });
    });

    it('slow mode: in force on B in the same tick, and one member’s window is shared by both instances', async () => {
      const facilitator = room.fixture.facilitator.client;
      const slowed = await whileBLags(() => facilitator.patch(path(room, '/room'), { slowModeSeconds: 60 }));
      const first = sendMessage(onB, room.groupId, 'Første i slow mode');
      expect(slowed.status).toBe(200);
      expect(await first).toMatchObject({ ok: true });
      expect(await sendMessage(onB, room.groupId, 'For hurtigt')).toMatchObject({ ok: false, code: 'SLOW_MODE' });

      // Another member: a send on A, then one on B within the window.
      const onA = await joinRoom(a, room.speaker.client, room.groupId, sockets);
      const speakerOnB = await socketOnB(room.speaker.client);
      expect(await sendMessage(onA, room.groupId, 'På A')).toMatchObject({ ok: true });
      expect(await sendMessage(speakerOnB, room.groupId, 'Straks på B')).toMatchObject({ ok: false, code: 'SLOW_MODE' });

      expect((await facilitator.patch(path(room, '/room'), { slowModeSeconds: 0 })).status).toBe(200);
    });
  });

  describe('a socket on B stops hearing before A answers', () => {
    const refusedOnB = async (client: Client, room: ListeningRoom) => {
      const other = await socketOnB(client);
      return () => sendMessage(other, room.groupId, 'Sendt i samme øjeblik');
    };

    const changes: Array<{ name: string; cause: (room: ListeningRoom, m: Participant) => Promise<request.Response>; status: number; cut: Cut }> = [
      {
        name: 'remove: told and cut',
        cause: (room, m) => room.fixture.facilitator.client.post(path(room, `/members/${m.memberId}/remove`), { reason: 'Brud på reglerne' }),
        status: 200,
        cut: { kind: 'member', notice: 'removed' },
      },
      {
        name: 'ban: told and cut',
        cause: (room, m) => room.fixture.facilitator.client.post(path(room, `/members/${m.memberId}/ban`), { reason: 'Chikane' }),
        status: 200,
        cut: { kind: 'member', notice: 'banned' },
      },
      { name: 'leave: hears nothing', cause: (room, m) => m.client.delete(path(room, '/membership')), status: 204, cut: { kind: 'stays-connected' } },
    ];
    for (const change of changes) {
      it(`${change.name} on B before A answers; a send on B in the same tick is refused`, async () => {
        const room = await roomHeardOnB();
        const m = await memberOf(room);
        const send = await refusedOnB(m.client, room);
        const { atAnswer } = await expectSilenced(room, sockets, {
          socketApp: b,
          victim: m.client,
          cause: () => whileBLags(() => change.cause(room, m)),
          status: change.status,
          cut: change.cut,
          atAnswer: send,
        });
        expect(atAnswer).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      });
    }

    it('unassign: a facilitator on B hears no message, alert, report or removal after A answers', async () => {
      const room = await roomHeardOnB();
      const staff = await createStaff(a, admin, 'facilitator', `fac2.${Date.now().toString(36)}`, undefined, 'Anden');
      expect((await admin.post(path(room, '/facilitators'), { accountId: staff.id })).status).toBe(201);
      const send = await refusedOnB(staff.client, room);
      const { heard, atAnswer } = await expectSilenced(room, sockets, {
        socketApp: b,
        victim: staff.client,
        cause: () => whileBLags(() => admin.delete(path(room, `/facilitators/${staff.id}`))),
        status: 204,
        cut: { kind: 'stays-connected' },
        atAnswer: send,
      });
      expect(atAnswer).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      for (const event of ['report:new', 'message:held', 'safety:alert']) expect(eventsOf(heard)).not.toContain(event);
    });

    it('knows-member raised on A: the two are hidden from each other on both instances before A answers', async () => {
      const room = await roomHeardOnB();
      const raiser = await addApprovedParticipant(a, room.fixture, { displayName: 'Vibeke' });
      const suspect = await addApprovedParticipant(a, room.fixture, { displayName: 'Svend' });
      const inRoom = async (app: TestApp, client: Client) => {
        const socket = await connectChat(app, client);
        sockets.push(socket);
        const heard = recordAll(socket);
        expect((await ask<{ ok: boolean }>(socket, 'room:join', { groupId: room.groupId })).ok).toBe(true);
        return { socket, heard };
      };
      const { socket: raiserOnA, heard: raiserHeard } = await inRoom(a, raiser.client);
      const { socket: suspectOnB, heard: suspectHeard } = await inRoom(b, suspect.client);
      // Let the presence updates of the joins (which still show both) arrive on both instances first.
      const lastPresence = (heard: Heard[]) => JSON.stringify(heard.filter((h) => h.event === 'member:presence').at(-1) ?? '');
      await eventually(() => lastPresence(raiserHeard).includes(suspect.memberId) && lastPresence(suspectHeard).includes(raiser.memberId));
      await settle(100);
      const raiserFrom = raiserHeard.length;
      const suspectFrom = suspectHeard.length;

      const raised = await whileBLags(() => raiser.client.post(path(room, '/safety'), { kind: 'knows-member', aboutMemberId: suspect.memberId }));
      const fromSuspect = sendMessage(suspectOnB, room.groupId, 'Fra B i samme øjeblik');
      const fromRaiser = sendMessage(raiserOnA, room.groupId, 'Fra A i samme øjeblik');
      const typing = ask(suspectOnB, 'typing', { groupId: room.groupId });
      expect(raised.status).toBe(201);
      const [s, r] = await Promise.all([fromSuspect, fromRaiser, typing]);
      // The third member (on B) hears both: so the silence below is the hide, not a lost message.
      await eventually(() => {
        const text = JSON.stringify(room.listenerHeard);
        return text.includes(s.message!.id) && text.includes(r.message!.id);
      });
      await settle(100);
      const raiserGot = JSON.stringify(raiserHeard.slice(raiserFrom));
      const suspectGot = JSON.stringify(suspectHeard.slice(suspectFrom));
      for (const trace of [suspect.memberId, 'Svend', s.message!.id]) expect([trace, raiserGot.includes(trace)]).toEqual([trace, false]);
      for (const trace of [raiser.memberId, 'Vibeke', r.message!.id]) expect([trace, suspectGot.includes(trace)]).toEqual([trace, false]);
    });

    it('a leave on A racing a `room:join` on B never leaves B’s socket hearing the room', async () => {
      await expectJoinRacingLeaveDeaf(await roomHeardOnB(), sockets, b);
    });
  });

  describe("an account's sockets on B are cut before A answers (TESTING: the same test with the socket on the second instance)", () => {
    /** The change is made through A while the victim's socket listens on B, which hears Redis late. */
    const cutOnB = (room: ListeningRoom, victim: Client, cause: () => Promise<request.Response>, status: number, cut: Cut, keeps?: Client) =>
      expectSilenced(room, sockets, { socketApp: b, victim, cause: () => whileBLags(cause), status, cut, keeps });

    it('a disabled staff account: told `session:revoked` and cut on B', async () => {
      const room = await roomHeardOnB();
      const staff = await createStaff(a, admin, 'facilitator', `fac3.${Date.now().toString(36)}`, undefined, 'Tredje');
      expect((await admin.post(path(room, '/facilitators'), { accountId: staff.id })).status).toBe(201);
      await cutOnB(room, staff.client, () => admin.post(`/admin/staff/${staff.id}/disable`), 200, { kind: 'session', reason: 'account-disabled' });
      await expect(connectChat(b, staff.client)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('a deleted account: cut on B', async () => {
      const room = await roomHeardOnB();
      const m = await memberOf(room);
      await cutOnB(room, m.client, () => m.client.delete('/me', { password: m.password }), 204, { kind: 'session', reason: 'account-deleted' });
      await expect(connectChat(b, m.client)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('a revoked session: its socket on B is cut; the session that revoked it keeps hearing on B', async () => {
      const room = await roomHeardOnB();
      const m = await memberOf(room);
      const other = await signIn(a, m.login, m.password);
      const mine = (await other.get('/auth/sessions')).body.items.find((s: { current: boolean }) => s.current) as { id: string };
      await cutOnB(room, other, () => m.client.delete(`/auth/sessions/${mine.id}`), 204, { kind: 'session', reason: 'revoked' }, m.client);
    });

    it('a password change: the other sessions’ sockets on B are cut; the changing session keeps hearing', async () => {
      const room = await roomHeardOnB();
      const m = await memberOf(room);
      const other = await signIn(a, m.login, m.password);
      await cutOnB(
        room,
        other,
        () => m.client.post('/auth/password', { currentPassword: m.password, newPassword: `${m.password}-nyt` }),
        204,
        { kind: 'session', reason: 'password-changed' },
        m.client,
      );
    });

    it('a recovery: every session’s socket on B is cut', async () => {
      const room = await roomHeardOnB();
      const m = await memberOf(room);
      const stranger = new Client(a.url);
      await cutOnB(
        room,
        m.client,
        () => stranger.post('/auth/recover', { login: m.login, recoveryCode: m.recoveryCodes[0], newPassword: 'et helt nyt kodeord' }),
        204,
        { kind: 'session', reason: 'password-recovered' },
      );
    });
  });

  it('counts an account’s sockets on both instances: six on A and four on B, the 11th refused on either', async () => {
    const room = await roomHeardOnB();
    const m = await memberOf(room);
    for (let i = 0; i < 6; i++) sockets.push(await connectChat(a, m.client));
    for (let i = 0; i < 4; i++) await socketOnB(m.client);
    await expect(connectChat(b, m.client)).rejects.toThrow('TOO_MANY_CONNECTIONS');
    await expect(connectChat(a, m.client)).rejects.toThrow('TOO_MANY_CONNECTIONS');
  });

  describe('an instance that cannot hear the others', () => {
    it('refuses sends with UNAVAILABLE while its bus is stalled; A still answers; on contact B drops its sockets and applies the rules of now', async () => {
      const room = await roomHeardOnB();
      const m = await memberOf(room);
      const onB = await socketOnB(m.client);
      expect((await sendMessage(onB, room.groupId, 'Før pausen')).ok).toBe(true);

      proxy.pause();
      const pausedAt = Date.now();
      // A send every 100 ms: those made before B noticed may wait on Redis; once it has noticed
      // (it hears its own heartbeat every 250 ms and counts itself cut off after 1 s of silence),
      // it refuses at once.
      const attempts: Array<Promise<SendAck>> = [];
      let refused: { sentAfterMs: number; answeredAfterMs: number } | null = null;
      let onRefused: () => void = () => undefined;
      const firstRefusal = new Promise<void>((resolve) => (onRefused = resolve));
      const sendNow = () => {
        const sentAfterMs = Date.now() - pausedAt;
        const payload = { groupId: room.groupId, clientMessageId: newClientId(), body: 'Under pausen' };
        const ack = (onB as unknown as Socket).timeout(15_000).emitWithAck('message:send', payload) as Promise<SendAck>;
        attempts.push(ack);
        ack.then((answer) => {
          const answeredAfterMs = Date.now() - pausedAt;
          // Only a prompt refusal counts: a send that waited on the stalled Redis may be refused too,
          // when the Redis command times out (1 s), racing the moment B notices.
          if (answer.code !== 'UNAVAILABLE' || refused || answeredAfterMs - sentAfterMs >= 200) return;
          refused = { sentAfterMs, answeredAfterMs };
          onRefused();
        }, () => undefined);
      };
      try {
        const ticker = setInterval(sendNow, 100);
        try {
          await Promise.race([firstRefusal, settle(3000)]);
        } finally {
          clearInterval(ticker);
        }
        // Refused at once (under 200 ms) by 1.6 s after the stall began: B noticed it on its own.
        expect(refused).not.toBeNull();
        expect(refused!.answeredAfterMs).toBeLessThan(1600);

        // A, which still hears Redis, answers its own changes (B refuses on its own meanwhile).
        const muted = await room.fixture.facilitator.client.post(path(room, `/members/${m.memberId}/mute`), { minutes: 30, reason: 'Pause' });
        expect(muted.status).toBe(200);
        expect(await sendMessage(onB, room.groupId, 'Stadig under pausen')).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
        // A change asked of B while it is cut off is refused before anything is written.
        const onBAsFacilitator = new Client(b.url);
        onBAsFacilitator.agent.jar.setCookie(`tryg_session=${room.fixture.facilitator.client.sessionToken()}`, new URL(b.url).hostname, '/');
        const locked = await onBAsFacilitator.patch(path(room, '/room'), { locked: true });
        expect([locked.status, locked.body.code]).toEqual([503, 'UNAVAILABLE']);
        expect((await room.fixture.facilitator.client.get(path(room, '/moderation/summary'))).status).toBe(200);
        const state = await a.dataSource.query('SELECT locked FROM room_settings WHERE group_id = $1', [room.groupId]);
        expect(state.map((r: { locked: boolean }) => r.locked)).not.toContain(true);
      } finally {
        proxy.resume();
      }
      // Sends that waited on Redis through the stall are either refused or never answered (B drops
      // its sockets when it hears the others again); none was acknowledged as stored.
      const outcomes = await Promise.all(attempts.map((x) => x.then((ack) => ack.code ?? 'ok', () => 'dropped')));
      expect(outcomes.filter((code) => !['UNAVAILABLE', 'MUTED', 'dropped'].includes(code))).toEqual([]);

      // Whatever B missed is unknown to it: it drops its sockets, they come back, under the rules of now.
      await eventually(() => !onB.connected, 5000);
      let again: SendAck | null = null;
      await eventually(async () => {
        try {
          const socket = await socketOnB(m.client);
          again = await sendMessage(socket, room.groupId, 'Efter pausen');
          return again.code !== 'UNAVAILABLE';
        } catch {
          return false;
        }
      }, 5000);
      expect(again).toMatchObject({ ok: false, code: 'MUTED' });
      // Nor stored unanswered: the member's only message is the one from before the stall.
      const stored = await a.dataSource.query('SELECT COUNT(*) AS n FROM messages WHERE member_id = $1', [m.memberId]);
      expect(Number(stored[0].n)).toBe(1);
    });
  });
});
