import type { Socket } from 'socket.io-client';
import type request from 'supertest';
import { startMeetingNow } from './chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from './groups';
import { joinRoom, sendMessage, settle } from './moderation-fixtures';
import { ask, connectChat, eventually, type ChatClient } from './sockets';
import type { Client, TestApp } from './test-app';

export interface Heard {
  event: string;
  payload: unknown;
}

/**
 * Records every event a socket receives (`onAny`), and its disconnect, in arrival order. Read
 * `length` when an HTTP answer arrives to split "before the answer" from "after it".
 */
export function recordAll(socket: ChatClient): Heard[] {
  const heard: Heard[] = [];
  (socket as unknown as Socket).onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  socket.on('disconnect', (reason) => heard.push({ event: 'disconnect', payload: reason }));
  return heard;
}

export const eventsOf = (heard: readonly Heard[]) => heard.map((h) => h.event);

/** A word the room's facilitator set to hold a message for review (so `message:held` can be caused). */
export const HOLD_WORD = 'blomkål';

/**
 * A group with a meeting running and two canaries that prove each disturbance is heard: a member
 * (`listener`) and the group's facilitator, both in the room and recording everything. A
 * `speaker` (another member) is there to send, type, report and raise alerts.
 */
export interface ListeningRoom {
  app: TestApp;
  admin: Client;
  fixture: GroupFixture;
  groupId: string;
  speaker: Participant;
  listener: Participant;
  listenerHeard: Heard[];
  facilitatorHeard: Heard[];
  /** A message of the listener's that the speaker may report. */
  reportable: string;
}

export async function openListeningRoom(
  app: TestApp,
  admin: Client,
  sockets: ChatClient[],
  options: { canaryApp?: TestApp } = {},
): Promise<ListeningRoom> {
  const fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 40 });
  const groupId = fixture.groupId;
  const speaker = await addApprovedParticipant(app, fixture, { displayName: 'Taler' });
  const listener = await addApprovedParticipant(app, fixture, { displayName: 'Lytter' });
  await startMeetingNow(app, fixture, 600);
  const words = await fixture.facilitator.client.put(`/groups/${groupId}/watched-words`, { words: [{ pattern: HOLD_WORD, action: 'hold' }] });
  if (words.status !== 200) throw new Error(`watched words failed: ${words.status} ${words.text}`);
  const canaryApp = options.canaryApp ?? app;
  const facilitatorSocket = await joinRoom(canaryApp, fixture.facilitator.client, groupId, sockets);
  const facilitatorHeard = recordAll(facilitatorSocket);
  const listenerSocket = await joinRoom(canaryApp, listener.client, groupId, sockets);
  const listenerHeard = recordAll(listenerSocket);
  const reportable = (await sendMessage(listenerSocket, groupId, 'Noget man kan anmelde')).message!.id;
  return { app, admin, fixture, groupId, speaker, listener, listenerHeard, facilitatorHeard, reportable };
}

/** What `disturb` caused, so a test can search the affected socket's recording for it. */
export interface Disturbance {
  messageId: string;
  heldMessageId: string;
  removedMessageId: string;
  removalReason: string;
  reportId: string;
  alertId: string;
  pinnedRules: string;
}

/**
 * Someone else does everything a room can carry: joins (presence), sends, types, sends a message
 * that is held, reports a message, raises a safety alert, gets a message removed with a reason
 * (by the facilitator), the pinned rules change (`room:state`), and leaves (presence). Resolves
 * once both canaries heard every part of it, so "the affected socket got nothing" means something.
 * One disturbance per room: typing is throttled per account for 2 s.
 */
export async function disturb(room: ListeningRoom, sockets: ChatClient[], speakerApp: TestApp = room.app): Promise<Disturbance> {
  const { groupId, fixture, speaker } = room;
  const listenerFrom = room.listenerHeard.length;
  const facilitatorFrom = room.facilitatorHeard.length;
  const socket = await connectChat(speakerApp, speaker.client);
  sockets.push(socket);
  const joined = await ask<{ ok: boolean }>(socket, 'room:join', { groupId });
  if (!joined.ok) throw new Error(`speaker join refused: ${JSON.stringify(joined)}`);
  const sent = await sendMessage(socket, groupId, 'Hej allesammen');
  if (!sent.ok) throw new Error(`speaker send refused: ${JSON.stringify(sent)}`);
  await ask(socket, 'typing', { groupId });
  const held = await sendMessage(socket, groupId, `Jeg tænker på ${HOLD_WORD}`);
  if (held.notice !== 'held') throw new Error(`not held: ${JSON.stringify(held)}`);
  const doomed = await sendMessage(socket, groupId, 'Det her bliver fjernet');
  const report = await speaker.client.post(`/groups/${groupId}/messages/${room.reportable}/report`, { category: 'spam' });
  if (report.status !== 201) throw new Error(`report failed: ${report.status} ${report.text}`);
  const alert = await speaker.client.post(`/groups/${groupId}/safety`, { kind: 'not-safe' });
  if (alert.status !== 201) throw new Error(`alert failed: ${alert.status} ${alert.text}`);
  const removalReason = `Fjernet af hensyn ${Math.random().toString(36).slice(2, 8)}`;
  const removed = await fixture.facilitator.client.delete(`/groups/${groupId}/messages/${doomed.message!.id}`, { reason: removalReason });
  if (removed.status !== 204) throw new Error(`removal failed: ${removed.status} ${removed.text}`);
  const pinnedRules = `Vi lytter ${Math.random().toString(36).slice(2, 8)}`;
  const ruled = await fixture.facilitator.client.patch(`/groups/${groupId}/room`, { pinnedRules });
  if (ruled.status !== 200) throw new Error(`room change failed: ${ruled.status} ${ruled.text}`);
  await ask(socket, 'room:leave', { groupId });
  const done: Disturbance = {
    messageId: sent.message!.id,
    heldMessageId: held.message!.id,
    removedMessageId: doomed.message!.id,
    removalReason,
    reportId: report.body.id,
    alertId: alert.body.id,
    pinnedRules,
  };
  const listenerGot = () => room.listenerHeard.slice(listenerFrom);
  const facilitatorGot = () => room.facilitatorHeard.slice(facilitatorFrom);
  try {
    await eventually(() => {
      const member = JSON.stringify(listenerGot());
      const staff = JSON.stringify(facilitatorGot());
      return (
        member.includes(done.messageId) &&
        member.includes(done.removedMessageId) &&
        member.includes(pinnedRules) &&
        listenerGot().some((h) => h.event === 'member:typing') &&
        listenerGot().filter((h) => h.event === 'member:presence').length >= 2 &&
        staff.includes(done.heldMessageId) &&
        staff.includes(done.reportId) &&
        staff.includes(done.alertId) &&
        staff.includes(removalReason)
      );
    });
  } catch {
    throw new Error(
      `the canaries did not hear the disturbance: member ${JSON.stringify(eventsOf(listenerGot()))}, facilitator ${JSON.stringify(eventsOf(facilitatorGot()))}`,
    );
  }
  return done;
}

/** How the victim's socket ends up when the answer arrives. */
export type Cut =
  | { kind: 'stays-connected' }
  | { kind: 'member'; notice: 'removed' | 'banned' }
  | { kind: 'session'; reason: string };

export interface SilenceCheck {
  /** The instance the victim's socket is connected to (the other one in scale-out tests). */
  socketApp: TestApp;
  victim: Client;
  cause: () => Promise<request.Response>;
  status: number;
  cut: Cut;
  /** A client of the same account whose socket must go on hearing (a session that was kept). */
  keeps?: Client;
  /** Runs in the same tick as the answer arrives: a view the change has not reached yet would let it through. */
  atAnswer?: () => Promise<unknown>;
}

/**
 * TESTING "Nobody hears it any more": puts the victim's socket in the room, causes the change,
 * checks what the socket had got when the answer arrived (notice and cut, or nothing and still
 * connected), then disturbs the room and checks that nothing more reached the socket.
 */
export async function expectSilenced(
  room: ListeningRoom,
  sockets: ChatClient[],
  check: SilenceCheck,
): Promise<{ socket: ChatClient; heard: Heard[]; atAnswer: unknown }> {
  const socket = await joinRoom(check.socketApp, check.victim, room.groupId, sockets);
  const heard = recordAll(socket);
  const kept = check.keeps ? recordAll(await joinRoom(check.socketApp, check.keeps, room.groupId, sockets)) : null;
  const res = await check.cause();
  const sameTick = check.atAnswer?.();
  const eventsAtAnswer = eventsOf(heard);
  expect(res.status).toBe(check.status);
  switch (check.cut.kind) {
    case 'stays-connected':
      // Deaf because its right to the room was taken, not because it was cut.
      expect(eventsAtAnswer).not.toContain('disconnect');
      expect(socket.connected).toBe(true);
      break;
    case 'member':
      expect(eventsAtAnswer.slice(-2)).toEqual(['moderation:notice', 'disconnect']);
      expect(heard.find((h) => h.event === 'moderation:notice')!.payload).toEqual({ groupId: room.groupId, kind: check.cut.notice });
      break;
    case 'session':
      expect(eventsAtAnswer.slice(-2)).toEqual(['session:revoked', 'disconnect']);
      expect(heard.find((h) => h.event === 'session:revoked')!.payload).toEqual({ reason: check.cut.reason });
      break;
  }
  const atAnswer = await sameTick;
  const keptFrom = kept?.length ?? 0;
  const done = await disturb(room, sockets);
  await settle(100);
  expect(heard.slice(eventsAtAnswer.length)).toEqual([]);
  if (kept) {
    const keptHeard = JSON.stringify(kept.slice(keptFrom));
    expect(keptHeard).toContain(done.messageId);
    expect(keptHeard).toContain(done.pinnedRules);
  }
  return { socket, heard, atAnswer };
}

/**
 * A change of rights racing a `room:join`: for each round a new member's socket (on `socketApp`)
 * asks to join while the member leaves (HTTP on the room's app), the join first or the leave first
 * and the other 0–3 turns of the event loop later, where either may win. Whatever the join was
 * answered, the socket must hear nothing of the room afterwards.
 */
export async function expectJoinRacingLeaveDeaf(room: ListeningRoom, sockets: ChatClient[], socketApp: TestApp, rounds = 8): Promise<void> {
  const speaker = await joinRoom(room.app, room.speaker.client, room.groupId, sockets);
  for (let round = 0; round < rounds; round++) {
    const p = await addApprovedParticipant(room.app, room.fixture);
    const socket = await connectChat(socketApp, p.client);
    sockets.push(socket);
    const heard = recordAll(socket);
    const join = () => ask<{ ok: boolean; code?: string }>(socket, 'room:join', { groupId: room.groupId });
    // `.then` sends the request now (supertest starts a request only when it is awaited).
    const leave = () => p.client.delete(`/groups/${room.groupId}/membership`).then((r) => r);
    const later = <T>(start: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const hop = (n: number): void => {
          if (n === 0) start().then(resolve, reject);
          else setImmediate(() => hop(n - 1));
        };
        hop(round % 4);
      });
    const [joined, left] = round % 8 < 4 ? await Promise.all([join(), later(leave)]) : await Promise.all([later(join), leave()]);
    expect(left.status).toBe(204);
    expect([true, 'NOT_FOUND']).toContain(joined.ok ? true : joined.code);
    const from = heard.length;
    const sent = await sendMessage(speaker, room.groupId, `Runde ${round}`);
    await eventually(() => JSON.stringify(room.listenerHeard).includes(sent.message!.id));
    await settle(50);
    expect(heard.slice(from).filter((h) => h.event === 'message:new')).toEqual([]);
  }
}
