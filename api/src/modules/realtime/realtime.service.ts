import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ServerToClientEvents } from '@tryg/shared';

/** Socket.io room names, one convention for every feature that pushes or cuts. */
export const rooms = {
  account: (accountId: string) => `account:${accountId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Everyone who joined the group's live room. */
  group: (groupId: string) => `group:${groupId}`,
  /** The group's facilitators in the room (held messages, reports, safety alerts). */
  facilitators: (groupId: string) => `group:${groupId}:facilitators`,
  /** One member's sockets in the group's room (moderation notices, cuts). */
  member: (memberId: string) => `member:${memberId}`,
};

const CUT_CONFIRM_MS = 2000;

export type ChatNamespace = Namespace<Record<string, never>, ServerToClientEvents>;

/**
 * The registry of live connections. Features push and cut through here; the gateway hands it
 * the server. With the Redis adapter, room operations reach sockets on every instance.
 */
@Injectable()
export class RealtimeService {
  private server: ChatNamespace | null = null;
  private distributed = false;

  /** `distributed`: rooms span instances (Redis adapter). */
  attach(server: ChatNamespace, distributed = false): void {
    this.server = server;
    this.distributed = distributed;
  }

  /** The `/chat` namespace once the gateway has started (null in tests without sockets). */
  namespace(): ChatNamespace | null {
    return this.server;
  }

  /** Cuts one member's sockets in a group (removal, ban) after telling them why. */
  disconnectMember(memberId: string, reason: string): Promise<void> {
    return this.cut(rooms.member(memberId), reason);
  }

  /** Tells the sockets why, then cuts them; called before the HTTP answer that caused it. */
  disconnectSession(sessionId: string, reason: string): Promise<void> {
    return this.cut(rooms.session(sessionId), reason);
  }

  disconnectAccount(accountId: string, reason: string): Promise<void> {
    return this.cut(rooms.account(accountId), reason);
  }

  /** Pushes an event to every socket of one account (e.g. `notification:new`); a no-op before the gateway attaches. */
  emitToAccount(accountId: string, event: string, payload: unknown): void {
    (this.server as Namespace | null)?.to(rooms.account(accountId)).emit(event, payload);
  }

  /**
   * Local sockets are told and cut synchronously. With the Redis adapter the cut is a broadcast,
   * so we then ask every instance until none holds a socket in the room (at most ~2 s), and only
   * then does the caller answer: "takes effect at once" holds across instances too.
   */
  private async cut(room: string, reason: string): Promise<void> {
    if (!this.server) return;
    this.server.to(room).emit('session:revoked', { reason });
    this.server.in(room).disconnectSockets(true);
    if (!this.distributed) return;
    const until = Date.now() + CUT_CONFIRM_MS;
    while (Date.now() < until) {
      const left = await this.server.in(room).fetchSockets().catch(() => []);
      if (left.length === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
