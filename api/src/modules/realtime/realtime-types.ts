import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, MemberRole, ModerationNotice, Role, ServerToClientEvents } from '@tryg/shared';

/** Who is on a socket, from the session checked at the handshake. */
export interface SocketIdentity {
  accountId: string;
  role: Role;
  sessionId: string;
}

/** A socket's right to hear one group's room, granted on `room:join`. */
export interface RoomGrant {
  groupId: string;
  memberId: string;
  role: MemberRole;
}

export interface LiveSocketData extends SocketIdentity {
  /** groupId → the grant this socket holds in that room. */
  grants: Record<string, RoomGrant>;
}

/** A connected `/chat` socket: events typed by the shared maps (CONTRACT "Socket.io"). */
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * A change of who may listen. Applied to the sockets on every instance before `revoke` resolves.
 * - `session` / `account`: told `session:revoked`, then disconnected (logout, expiry, password
 *   change, recovery, disable, deletion).
 * - `member`: one membership's sockets leave that group's room; with `disconnect` they are cut
 *   (removal, ban), after `notice` if one is given. Without it (leave, unassign) the socket stays
 *   connected for the person's other groups.
 */
export type RevokeTarget =
  | { kind: 'session'; sessionId: string; reason: string }
  | { kind: 'account'; accountId: string; reason: string }
  | { kind: 'member'; groupId: string; memberId: string; disconnect: boolean; notice?: ModerationNotice };

/** Answers the handshake: the identity of a cookie header, or why it is refused. */
export type HandshakeCheck = (cookieHeader: string | undefined) => Promise<SocketIdentity | null>;
