import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Namespace, Socket } from 'socket.io';
import type { Ack } from '@tryg/shared';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from '../auth/sessions.service';
import { RealtimeService, rooms, type ChatNamespace } from '../realtime/realtime.service';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatRefusal, toRefusal } from './chat-refusal';
import { ChatService } from './chat.service';
import { type ChatSocketData, PresenceService } from './presence.service';
import { RoomStateService } from '../scheduling/room-state.service';
import { sessionTokenFromCookieHeader } from './socket-handshake';
import { checkGroupPayload } from './send-payload';

type ChatSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, ChatSocketData>;
type AckFn = (result: Ack<object>) => void;

const TYPING_EVERY_MS = 2000;

/**
 * `/chat`: authenticates at the handshake and translates socket events into ChatService calls.
 * No rules live here.
 */
@WebSocketGateway({
  namespace: '/chat',
  path: '/socket.io',
  serveClient: false,
  // A frame over 64 KB closes that socket only.
  maxHttpBufferSize: 64 * 1024,
  // The Origin check (allowRequest) is set by TrygSocketAdapter, which knows the proxy settings.
})
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');
  private readonly lastTyping = new Map<string, number>();

  constructor(
    private readonly chat: ChatService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly broadcaster: ChatBroadcaster,
    private readonly roomState: RoomStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: Namespace): void {
    this.realtime.attach(nsp as unknown as ChatNamespace, this.config.redisUrl !== null);
    nsp.use((socket, next) => {
      void this.authenticate(socket as ChatSocket).then(
        (ok) => next(ok ? undefined : new Error('UNAUTHENTICATED')),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.roomState.onChange((state) => this.broadcaster.roomState(state));
  }

  private async authenticate(socket: ChatSocket): Promise<boolean> {
    const session = await this.sessions.resolve(sessionTokenFromCookieHeader(socket.handshake.headers.cookie));
    if (!session) return false;
    const account = await this.accounts.findById(session.accountId);
    if (!account || account.disabledAt) return false;
    socket.data = { accountId: account.id, role: account.role, sessionId: session.id, joined: {} };
    await socket.join([rooms.account(account.id), rooms.session(session.id)]);
    return true;
  }

  handleConnection(socket: ChatSocket): void {
    this.on(socket, 'room:join', (payload) => this.join(socket, payload));
    this.on(socket, 'room:leave', (payload) => this.leave(socket, payload));
    this.on(socket, 'message:send', (payload) => this.chat.send(socket.data, payload));
    this.on(socket, 'typing', (payload) => this.typing(socket, payload));
  }

  handleDisconnect(socket: ChatSocket): void {
    this.lastTyping.delete(socket.id);
    for (const groupId of Object.keys(socket.data?.joined ?? {})) void this.afterPresenceChange(groupId);
  }

  /** Binds one event: validates nothing itself, always answers the ack, never lets an error escape. */
  private on(socket: ChatSocket, event: string, handle: (payload: unknown) => Promise<object>): void {
    (socket as Socket).on(event, (payload: unknown, ack?: unknown) => {
      void this.sessions.touchById(socket.data.sessionId);
      const reply: AckFn = typeof ack === 'function' ? (ack as AckFn) : () => undefined;
      handle(payload).then(
        (result) => reply({ ok: true, ...result }),
        (error: unknown) => {
          const refusal = toRefusal(error);
          if (refusal) return reply({ ok: false, code: refusal.code, message: refusal.message });
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          reply({ ok: false, code: 'INTERNAL', message: 'Something went wrong.' });
        },
      );
    });
  }

  private async join(socket: ChatSocket, payload: unknown): Promise<object> {
    const joined = await this.chat.join(socket.data, payload);
    const groupId = joined.room.groupId;
    const roomsToJoin = [rooms.group(groupId), rooms.member(joined.memberId)];
    if (joined.isFacilitator) roomsToJoin.push(rooms.facilitators(groupId));
    await socket.join(roomsToJoin);
    socket.data.joined = { ...socket.data.joined, [groupId]: joined.memberId };
    await this.afterPresenceChange(groupId);
    const room = joined.isFacilitator ? await this.roomState.state(groupId) : joined.room;
    return { room, messages: joined.messages, hasMore: joined.hasMore };
  }

  private async leave(socket: ChatSocket, payload: unknown): Promise<object> {
    const checked = checkGroupPayload(payload);
    if (!checked.ok) throw new ChatRefusal('VALIDATION', checked.message);
    const { groupId } = checked.value;
    const memberId = socket.data.joined[groupId];
    if (memberId) {
      await Promise.all([socket.leave(rooms.group(groupId)), socket.leave(rooms.member(memberId)), socket.leave(rooms.facilitators(groupId))]);
      const { [groupId]: _left, ...rest } = socket.data.joined;
      socket.data.joined = rest;
      await this.afterPresenceChange(groupId);
    }
    return {};
  }

  private async typing(socket: ChatSocket, payload: unknown): Promise<object> {
    const checked = checkGroupPayload(payload);
    if (!checked.ok || !socket.data.joined[checked.value.groupId]) return {};
    const now = Date.now();
    if (now - (this.lastTyping.get(socket.id) ?? 0) < TYPING_EVERY_MS) return {};
    this.lastTyping.set(socket.id, now);
    const { groupId } = checked.value;
    const notice = await this.chat.typingNotice(socket.data, groupId);
    if (!notice) return {};
    (socket as Socket)
      .to(rooms.group(groupId))
      .except(notice.hiddenFor.map((id) => rooms.member(id)))
      .emit('member:typing', { groupId, memberId: notice.memberId, displayName: notice.displayName });
    return {};
  }

  /** Presence to the room, and facilitator presence to the room window (which may open the room). */
  private async afterPresenceChange(groupId: string): Promise<void> {
    try {
      await this.presence.broadcast(groupId);
      await this.roomState.facilitatorPresence(groupId, await this.presence.facilitatorPresent(groupId));
    } catch (error) {
      this.logger.warn(`Presence update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
