import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';

/** Socket.io room names, one convention for every feature that pushes or cuts. */
export const rooms = {
  account: (accountId: string) => `account:${accountId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};

/**
 * The registry of live connections. Features push and cut through here; the gateway hands it
 * the server. With the Redis adapter, room operations reach sockets on every instance.
 */
@Injectable()
export class RealtimeService {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  /** Tells the sockets why, then cuts them; called before the HTTP answer that caused it. */
  disconnectSession(sessionId: string, reason: string): void {
    this.cut(rooms.session(sessionId), reason);
  }

  disconnectAccount(accountId: string, reason: string): void {
    this.cut(rooms.account(accountId), reason);
  }

  private cut(room: string, reason: string): void {
    if (!this.server) return;
    this.server.to(room).emit('session:revoked', { reason });
    this.server.in(room).disconnectSockets(true);
  }
}
