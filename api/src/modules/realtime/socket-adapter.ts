import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { CHAT_NAMESPACE } from '@tryg/shared';
import { sameOriginOnly } from '../../common/csrf.middleware';
import type { HandshakeCheck, LiveNamespace, LiveSocket } from './realtime-types';
import { MAX_SOCKETS_PER_ACCOUNT, type RealtimeService } from './realtime.service';

export interface SocketAdapterOptions {
  redisUrl: string | null;
  trustProxy: number | false;
  realtime: RealtimeService;
  /** The session check, from the auth feature (composed in create-app, the app's root). */
  identify: HandshakeCheck;
}

/**
 * socket.io on the app's own HTTP server. Every connection to `/chat` passes the Origin check
 * (allowRequest), then the session check and the per-account socket limit (namespace
 * middleware: a refusal is the `connect_error` the contract names). With REDIS_URL the Redis
 * adapter makes rooms span every instance.
 */
export class TrygSocketAdapter extends IoAdapter {
  private clients: Redis[] = [];
  /** Handshakes of an account still in progress here, so a burst cannot slip past the limit. */
  private readonly admitting = new Map<string, number>();

  constructor(
    app: INestApplicationContext,
    private readonly options: SocketAdapterOptions,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, allowRequest: sameOriginOnly(this.options.trustProxy) }) as Server;
    if (this.options.redisUrl) {
      const pub = new Redis(this.options.redisUrl, { maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      // The adapter leaves a failed publish unhandled (Redis gone, or the app closing with a
      // broadcast still queued), which would end the process. A broadcast lost then is what the
      // lost contact means; the change bus notices it and this instance resyncs.
      const publish = pub.publish.bind(pub);
      pub.publish = ((...args: Parameters<typeof publish>) => publish(...args).catch(() => 0)) as typeof pub.publish;
      pub.on('error', () => undefined);
      sub.on('error', () => undefined);
      this.clients.push(pub, sub);
      server.adapter(createAdapter(pub, sub));
    }
    const nsp = server.of(CHAT_NAMESPACE) as unknown as LiveNamespace;
    nsp.use((socket, next) => {
      void this.admit(socket).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.options.realtime.attach(nsp);
    return server;
  }

  private async admit(socket: LiveSocket): Promise<string | null> {
    const identity = await this.options.identify(socket.handshake.headers.cookie);
    if (!identity) return 'UNAUTHENTICATED';
    const pending = this.admitting.get(identity.accountId) ?? 0;
    this.admitting.set(identity.accountId, pending + 1);
    try {
      const open = await this.options.realtime.socketCount(identity.accountId);
      if (open + pending >= MAX_SOCKETS_PER_ACCOUNT) return 'TOO_MANY_CONNECTIONS';
      await this.options.realtime.admit(socket, identity);
      return null;
    } finally {
      const left = (this.admitting.get(identity.accountId) ?? 1) - 1;
      if (left > 0) this.admitting.set(identity.accountId, left);
      else this.admitting.delete(identity.accountId);
    }
  }

  async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
    this.clients = [];
  }
}
