import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { sameOriginOnly } from './csrf.middleware';

/**
 * socket.io on the app's own HTTP server; with REDIS_URL, the Redis adapter makes rooms span
 * every instance, so a ban or a logout cuts sockets wherever they are connected.
 */
export class TrygSocketAdapter extends IoAdapter {
  private clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | null,
    private readonly trustProxy: number | false,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, allowRequest: sameOriginOnly(this.trustProxy) }) as Server;
    if (this.redisUrl) {
      const pub = new Redis(this.redisUrl, { maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      this.clients.push(pub, sub);
      server.adapter(createAdapter(pub, sub));
    }
    return server;
  }

  async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
    this.clients = [];
  }
}
