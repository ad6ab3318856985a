import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on a free port that forwards bytes to a target. It can stop forwarding both ways
 * without closing anything (`pause`), as when a network path stalls: connections stay open, bytes
 * wait in the buffers, and flow again on `resume`. `delay` holds every chunk back for a while (a
 * slow path), so what depends on it being waited for shows.
 */
export class TcpProxy {
  private paused = false;
  private delayMs = 0;
  private readonly pairs = new Set<[Socket, Socket]>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => proxy!.forward(client, targetPort, targetHost));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  pause(): void {
    this.paused = true;
    for (const [a, b] of this.pairs) {
      a.pause();
      b.pause();
    }
  }

  resume(): void {
    this.paused = false;
    for (const [a, b] of this.pairs) {
      a.resume();
      b.resume();
    }
  }

  /** Forwards each chunk `ms` later, in order (0: at once). */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  async close(): Promise<void> {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket, port: number, host: string): void {
    const upstream = connect(port, host);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    if (this.paused) {
      client.pause();
      upstream.pause();
    }
    /** Writes to `to` what arrives, each chunk `delayMs` later, never out of order. */
    const pass = (to: Socket) => {
      const queue: Array<{ at: number; chunk: Buffer }> = [];
      let timer: NodeJS.Timeout | null = null;
      const flush = () => {
        timer = null;
        const now = Date.now();
        while (queue.length > 0 && queue[0].at <= now) {
          const { chunk } = queue.shift()!;
          if (to.writable) to.write(chunk);
        }
        if (queue.length > 0) timer = setTimeout(flush, queue[0].at - now);
      };
      return (chunk: Buffer) => {
        if (this.delayMs === 0 && queue.length === 0) {
          to.write(chunk);
          return;
        }
        queue.push({ at: Math.max(Date.now() + this.delayMs, queue.at(-1)?.at ?? 0), chunk });
        timer ??= setTimeout(flush, queue[0].at - Date.now());
      };
    };
    client.on('data', pass(upstream));
    upstream.on('data', pass(client));
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const side of pair) {
      side.on('close', end);
      side.on('error', end);
    }
  }
}
