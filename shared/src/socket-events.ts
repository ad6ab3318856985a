import type { SocketErrorCode } from './error-codes';
import type { HelpLine, Message, PresenceMember } from './chat';
import type { RoomState } from './scheduling';
import type { ModerationNotice, Report } from './moderation';
import type { Floor } from './floor';

/** Acknowledgement of every client → server event. */
export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: SocketErrorCode; message: string };

export interface JoinPayload {
  groupId: string;
  afterMessageId?: string;
}
export interface JoinResult {
  room: RoomState;
  /** The talking order as this member may see it. */
  floor: Floor;
  messages: Message[];
  hasMore: boolean;
}

export interface SendPayload {
  groupId: string;
  clientMessageId: string;
  body: string;
  contentWarning?: string;
  confirmIdentifying?: boolean;
}
export interface SendResult {
  message: Message;
  notice?: 'held' | 'crisis';
  helpLines?: HelpLine[];
}

export interface SafetyAlert {
  groupId: string;
  alertId: string;
  kind: 'not-safe' | 'knows-member' | 'crisis' | 'identifying-info';
  fromMemberId: string;
  aboutMemberId?: string;
  messageId?: string;
}

/** Socket.io namespace `/chat` (CONTRACT.md): types both the API's server and the web client. */
export interface ServerToClientEvents {
  'message:new': (payload: { message: Message }) => void;
  'message:updated': (payload: { message: Message }) => void;
  'message:removed': (payload: { message: Message }) => void;
  'room:state': (payload: RoomState) => void;
  'member:presence': (payload: { groupId: string; members: PresenceMember[] }) => void;
  'member:typing': (payload: { groupId: string; memberId: string; displayName: string }) => void;
  'moderation:notice': (payload: ModerationNotice) => void;
  'report:new': (payload: { groupId: string; report: Report }) => void;
  'message:held': (payload: { groupId: string; message: Message }) => void;
  'safety:alert': (payload: SafetyAlert) => void;
  'notification:new': (payload: { notification: unknown }) => void;
  'session:revoked': (payload: { reason: string }) => void;
  'floor:update': (payload: Floor) => void;
}

export interface ClientToServerEvents {
  'room:join': (payload: JoinPayload, ack: (result: Ack<JoinResult>) => void) => void;
  'room:leave': (payload: { groupId: string }, ack?: (result: Ack) => void) => void;
  'message:send': (payload: SendPayload, ack: (result: Ack<SendResult>) => void) => void;
  typing: (payload: { groupId: string }, ack?: (result: Ack) => void) => void;
  /** User input the web reports while nothing else is sent (at most once a minute): the session stays active. */
  activity: (ack?: (result: Ack) => void) => void;
}

/**
 * socket.io's disconnect reason when the server ended the socket on purpose and the client must
 * not dial again by itself (a revocation, a removal, a ban). Every other reason is dialled again
 * and the web shows "reconnecting": a restart (SIGTERM) or a resync closes the connection itself,
 * which the client sees as `transport close`, as it does a crash or a lost network.
 */
export const SERVER_HUNG_UP = 'io server disconnect';
/** The reason the client gives when it closed the socket itself (nothing to show). */
export const CLIENT_HUNG_UP = 'io client disconnect';

/** The `connect_error` message when an account already has this many sockets open. */
export const TOO_MANY_CONNECTIONS = 'TOO_MANY_CONNECTIONS';

export const CHAT_NAMESPACE = '/chat';
