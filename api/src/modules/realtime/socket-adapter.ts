import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, type Observable } from 'rxjs';
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
  private readonly logger = new Logger('SocketAdapter');
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
    this.options.realtime.attach(nsp, this.options.redisUrl !== null);
    return server;
  }

  /**
   * Nest's dispatch of a socket event, without an rxjs pipeline per event (a measurable share of
   * a chat send): the handler (with its guards, pipes and filters, as Nest built it) is called and
   * its answer acknowledged once it settles. An answer that is an observable (an interceptor made
   * it) still goes through Nest's own `transform`.
   */
  bindMessageHandlers(
    socket: LiveSocket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    // Event names and payloads are whatever the gateways subscribe to: untyped at this level.
    const events = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void; emit(event: string, data: unknown): void };
    for (const { message, callback, isAckHandledManually } of handlers) {
      events.on(message as string, (...args: unknown[]) => {
        // As rxjs' fromEvent hands it to mapPayload: one argument as is, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]) as { data: unknown; ack?: (response: unknown) => void };
        const answer = (response: unknown) => {
          if (response === null || response === undefined || !socket.connected) return;
          const event = response as { event?: string; data?: unknown };
          if (event.event) events.emit(event.event, event.data);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        // A handler that throws at once (not only one that rejects) is logged, never thrown into socket.io.
        void new Promise((settle) => settle(callback(data, ack))).then(
          (result) => (isObservable(result) ? transform(result).subscribe(answer) : answer(result)),
          (error: unknown) => this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
        );
      });
    }
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
