import type { Socket } from 'socket.io-client';
import type request from 'supertest';
import type { ChatClient } from './sockets';

interface Entry {
  what: string;
  data: unknown;
  /** Values the recorded person sent themselves in this exchange: an echo of them is no leak. */
  sent: readonly string[];
}

/**
 * Everything one person receives (TESTING "Nothing leaks"): every event on their sockets and every
 * HTTP answer and acknowledgement, in order. `text()` is what a search for a leak reads.
 */
export class LeakRecorder {
  readonly entries: Entry[] = [];

  /** Records every event the socket receives from now on (and its disconnect). */
  watch(socket: ChatClient, label: string): ChatClient {
    (socket as unknown as Socket).onAny((event: string, payload: unknown) => this.entries.push({ what: `${label} ${event}`, data: payload, sent: [] }));
    socket.on('disconnect', (reason) => this.entries.push({ what: `${label} disconnect`, data: reason, sent: [] }));
    return socket;
  }

  /** Records an HTTP answer (status and body) and hands it back. */
  response(what: string, res: request.Response, sent: readonly string[] = []): request.Response {
    this.entries.push({ what, data: { status: res.status, body: res.body as unknown }, sent });
    return res;
  }

  /** Records a socket acknowledgement and hands it back. */
  ack<T>(what: string, ack: T, sent: readonly string[] = []): T {
    this.entries.push({ what, data: ack, sent });
    return ack;
  }

  /** Everything recorded, as text, with echoes of what the person sent blanked out. */
  text(): string {
    return this.entries
      .map((e) => {
        let json = JSON.stringify(e.data) ?? '';
        for (const value of e.sent) json = json.split(value).join('<sent>');
        return `${e.what} ${json}`;
      })
      .join('\n');
  }

  /** The entries whose text contains `needle` (case-insensitive), for a readable failure. */
  find(needle: string): string[] {
    return this.text()
      .split('\n')
      .filter((line) => line.toLowerCase().includes(needle.toLowerCase()));
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** An answer with ids and instants blanked, so two answers about different rows compare. */
export function idsAside(res: request.Response): { status: number; body: unknown } {
  return { status: res.status, body: JSON.parse((JSON.stringify(res.body ?? null) ?? 'null').replace(UUID, '<id>').replace(INSTANT, '<instant>')) };
}
