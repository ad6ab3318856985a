import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { JoinResult } from '@tryg/shared';
import { SessionsService } from '../auth/sessions.service';
import type { LiveSocket, RoomGrant } from '../realtime/realtime-types';
import { RealtimeService } from '../realtime/realtime.service';
import { TalkingOrder } from '../room-rules/floor/talking-order.service';
import { RoomRules } from '../room-rules/room-rules.service';
import { ChatRefusal } from './chat-refusal';
import { ChatService } from './chat.service';
import { PresenceService } from './presence.service';
import { checkGroupPayload } from './send-payload';

const TYPING_EVERY_MS = 2000;
const TYPING_KEYS_MAX = 50_000;
/** How long a shutdown waits for the sends in flight (the process must be gone within 10 s). */
const DRAIN_MAX_MS = 7000;

/**
 * The life of a socket in rooms: joining (the chat's checks, then a grant from the realtime
 * authority), leaving, dropping out, typing, and what counts as the person being active. Presence
 * and the facilitator's presence (which may open the room) follow every change.
 */
@Injectable()
export class RoomListeners implements BeforeApplicationShutdown {
  private readonly logger = new Logger('RoomListeners');
  /** Sends being stored and answered now; a shutdown answers each of them before it closes the sockets. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private draining = false;
  /** `${accountId}:${groupId}` → last typing notice (per account, however many sockets). */
  private readonly lastTyping = new Map<string, number>();

  constructor(
    private readonly chat: ChatService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly rules: RoomRules,
    private readonly order: TalkingOrder,
    private readonly sessions: SessionsService,
  ) {}

  async join(socket: LiveSocket, payload: unknown): Promise<JoinResult> {
    const { result, grant } = await this.chat.join(socket.data, payload);
    await this.realtime.enter(socket, grant);
    if (!(await this.chat.stillMayListen(socket.data, grant))) {
      await this.realtime.leave(socket, grant.groupId);
      throw new ChatRefusal('NOT_FOUND', 'Not found.');
    }
    await this.afterPresenceChange(grant);
    if (grant.role === 'member') await this.order.arrived(grant.groupId, grant.memberId);
    // A facilitator's arrival may have opened the room: answer with the state of now.
    return grant.role === 'facilitator' ? { ...result, room: await this.rules.state(grant.groupId) } : result;
  }

  async leave(socket: LiveSocket, payload: unknown): Promise<object> {
    const checked = checkGroupPayload(payload);
    if (!checked.ok) throw new ChatRefusal('VALIDATION', checked.message);
    const grant = await this.realtime.leave(socket, checked.value.groupId);
    if (grant) await this.afterLeaving(grant);
    return {};
  }

  disconnected(socket: LiveSocket): void {
    for (const grant of Object.values(socket.data?.grants ?? {})) void this.afterLeaving(grant);
  }

  /** Presence, and a participant whose last socket left loses a raised hand (and, after a grace, the turn). */
  private async afterLeaving(grant: RoomGrant): Promise<void> {
    await this.afterPresenceChange(grant);
    if (grant.role !== 'member') return;
    try {
      if (!(await this.realtime.onlineMembers(grant.groupId)).has(grant.memberId)) await this.order.left(grant.groupId, grant.memberId);
    } catch (error) {
      this.logger.warn(`Talking order update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  send(socket: LiveSocket, payload: unknown): Promise<object> {
    // Shutting down: a send that arrives now is refused (the client sends it again after its reconnect).
    if (this.draining) return Promise.reject(new ChatRefusal('UNAVAILABLE', 'The server is restarting. Please send again in a moment.'));
    const sending = this.userInput(socket).then(() => this.chat.send(socket.data, payload));
    this.inFlight.add(sending);
    const done = () => this.inFlight.delete(sending);
    sending.then(done, done);
    return sending;
  }

  /**
   * Graceful shutdown (SIGTERM): refuse new sends, let every send in flight be stored and answered,
   * then close the connections so clients reconnect (to another instance, or this one restarted)
   * and catch up. The database closes only after this.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_MAX_MS)));
    await Promise.race([Promise.allSettled([...this.inFlight]), deadline]);
    clearTimeout(timer);
    // The acknowledgements are emitted a few microtasks after the sends settle: let them be written.
    await new Promise((resolve) => setImmediate(resolve));
    this.realtime.dropConnections();
  }

  async typing(socket: LiveSocket, payload: unknown): Promise<object> {
    await this.userInput(socket);
    const checked = checkGroupPayload(payload);
    if (!checked.ok) return {};
    const grant = this.realtime.grantOf(socket, checked.value.groupId);
    if (!grant) return {};
    const key = `${socket.data.accountId}:${grant.groupId}`;
    const now = Date.now();
    if (now - (this.lastTyping.get(key) ?? 0) < TYPING_EVERY_MS) return {};
    this.lastTyping.delete(key);
    this.lastTyping.set(key, now);
    if (this.lastTyping.size > TYPING_KEYS_MAX) this.lastTyping.delete(this.lastTyping.keys().next().value!);
    // An instance cut off from the others cannot judge who may hear it.
    if ((await this.rules.refusal(grant.groupId, grant.memberId, true)) !== null) return {};
    const notice = await this.chat.typingNotice(socket.data, grant.groupId);
    if (!notice) return {};
    this.realtime.toRoom(
      grant.groupId,
      'member:typing',
      { groupId: grant.groupId, memberId: notice.memberId, displayName: notice.displayName },
      { except: [notice.memberId, ...notice.blockedFor] },
    );
    return {};
  }

  /** Input the web reports (at most once a minute) while nothing else is sent. */
  async activity(socket: LiveSocket): Promise<object> {
    await this.userInput(socket);
    return {};
  }

  /** What a person does (send, type, reported input) keeps their session alive; heartbeats and reconnects do not. */
  private userInput(socket: LiveSocket): Promise<void> {
    return this.sessions.touchById(socket.data.sessionId);
  }

  private async afterPresenceChange(grant: RoomGrant): Promise<void> {
    try {
      await this.presence.broadcast(grant.groupId, grant.memberId);
      if (grant.role === 'facilitator') await this.rules.facilitatorPresenceChanged(grant.groupId);
    } catch (error) {
      this.logger.warn(`Presence update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
