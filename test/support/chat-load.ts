import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { connectChat, eventually, type ChatClient } from './sockets';
import type { AppAddress, Client } from './test-app';

type Ack = { ok: boolean; code?: string; message?: { id: string; seq: number } };
type Payload = { groupId: string; clientMessageId: string; body: string };
export interface StoredRow {
  id: string;
  groupId: string;
  seq: number;
  memberId: string;
  clientMessageId: string;
}

/**
 * One member sending into a room over one or more sockets, keeping what a careful client keeps:
 * every payload it sent (to resend with the same client id), which were acknowledged as stored,
 * and every message of the room it has seen (acknowledgements, `message:new`, catch-up).
 */
export class Sender {
  readonly sent = new Map<string, Payload & { at: number }>();
  readonly acked = new Map<string, { id: string; seq: number }>();
  readonly refused = new Map<string, string>();
  readonly seen = new Map<string, number>();
  readonly disconnects: string[] = [];
  /** Every `message:new` each connection got, in order (a message twice on one connection is a duplicate). */
  readonly deliveries: Array<{ connection: number; id: string; seq: number }> = [];
  private connections = 0;
  private sockets: ChatClient[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private count = 0;

  constructor(
    readonly name: string,
    readonly client: Client,
    readonly memberId: string,
    readonly groupId: string,
  ) {}

  /** Opens `count` sockets on the app and joins the room on each, catching up after the last message seen. */
  async connect(app: AppAddress, count = 1): Promise<void> {
    this.sockets = [];
    for (let i = 0; i < count; i++) {
      const socket = await connectChat(app, this.client);
      const connection = ++this.connections;
      (socket as unknown as Socket).on('message:new', ({ message }: { message: { id: string; seq: number; groupId: string } }) => {
        if (message.groupId !== this.groupId) return;
        this.seen.set(message.id, message.seq);
        this.deliveries.push({ connection, id: message.id, seq: message.seq });
      });
      socket.on('disconnect', (reason) => this.disconnects.push(reason));
      const last = this.lastSeen();
      const joined = await this.ask<{ ok: boolean; code?: string; messages: Array<{ id: string; seq: number }> }>(socket, 'room:join', {
        groupId: this.groupId,
        ...(last ? { afterMessageId: last } : {}),
      });
      if (!joined.ok) throw new Error(`${this.name}: join refused ${JSON.stringify(joined)}`);
      for (const m of joined.messages) this.seen.set(m.id, m.seq);
      this.sockets.push(socket);
    }
  }

  /** The id of the last message (by seq) this client has seen. */
  lastSeen(): string | null {
    let best: [string, number] | null = null;
    for (const [id, seq] of this.seen) if (!best || seq > best[1]) best = [id, seq];
    return best?.[0] ?? null;
  }

  /** Sends one new message on the next socket; the answer is recorded when it comes. */
  sendNext(body?: string): void {
    this.sendNextWithId(randomUUID(), body);
  }

  sendNextWithId(clientMessageId: string, body?: string): void {
    const socket = this.sockets[this.count % Math.max(1, this.sockets.length)];
    if (!socket?.connected) return;
    const payload = { groupId: this.groupId, clientMessageId, body: `Besked ${++this.count} fra ${this.name}${body ? ` ${body}` : ''}` };
    this.sent.set(payload.clientMessageId, { ...payload, at: Date.now() });
    const answer = this.ask<Ack>(socket, 'message:send', payload, 3000).then(
      (ack) => this.record(payload.clientMessageId, ack),
      () => undefined,
    );
    this.pending.add(answer);
    void answer.finally(() => this.pending.delete(answer));
  }

  /** Waits for the answers still outstanding (or their time-outs). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Every payload not acknowledged as stored, sent again with its own client id until it is. */
  async resendUnacknowledged(): Promise<number> {
    const missing = [...this.sent.values()].filter((p) => !this.acked.has(p.clientMessageId));
    for (const { at: _at, ...payload } of missing) {
      for (let attempt = 0; ; attempt++) {
        const ack = await this.ask<Ack>(this.sockets[0], 'message:send', payload, 5000).catch(() => null);
        if (ack?.ok) {
          this.record(payload.clientMessageId, ack);
          break;
        }
        if (attempt >= 20) throw new Error(`${this.name}: resend never stored: ${JSON.stringify(ack)}`);
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    return missing.length;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }

  private record(clientMessageId: string, ack: Ack): void {
    if (ack.ok && ack.message) {
      this.acked.set(clientMessageId, { id: ack.message.id, seq: ack.message.seq });
      this.seen.set(ack.message.id, ack.message.seq);
    } else {
      this.refused.set(clientMessageId, ack.code ?? 'unknown');
    }
  }

  private ask<T>(socket: ChatClient, event: string, payload: unknown, ms = 5000): Promise<T> {
    return (socket as unknown as Socket).timeout(ms).emitWithAck(event, payload) as Promise<T>;
  }
}

/** Each sender sends every `everyMs` (staggered) until the returned stop is called. */
export function startLoad(senders: Sender[], everyMs: number): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  senders.forEach((sender, i) => {
    timers.push(
      setTimeout(() => {
        sender.sendNext();
        timers.push(setInterval(() => sender.sendNext(), everyMs));
      }, Math.floor((i * everyMs) / senders.length)),
    );
  });
  return async () => {
    for (const timer of timers) clearTimeout(timer);
    await Promise.all(senders.map((s) => s.settled()));
  };
}

/**
 * expectConsistent, once the last broadcasts (after a resend) have had time to arrive: waits up to
 * 10 s until every sender has seen as many messages as its room holds, then compares either way, so
 * any difference shows in full.
 */
export async function expectConsistentOnceSeen(senders: Sender[], rows: StoredRow[]): Promise<void> {
  const inRoom = new Map<string, number>();
  for (const row of rows) inRoom.set(row.groupId, (inRoom.get(row.groupId) ?? 0) + 1);
  await eventually(() => senders.every((s) => s.seen.size >= (inRoom.get(s.groupId) ?? 0)), 10_000).catch(() => undefined);
  expectConsistent(senders, rows);
}

/**
 * The promises of a fault test, against the rows the database holds: every acknowledged message
 * is stored exactly once under its id; each room's seq runs 1..N without a gap; and each client
 * has seen exactly the room's messages.
 */
function expectConsistent(senders: Sender[], rows: StoredRow[]): void {
  const byClientId = new Map<string, StoredRow[]>();
  for (const row of rows) byClientId.set(`${row.memberId}:${row.clientMessageId}`, [...(byClientId.get(`${row.memberId}:${row.clientMessageId}`) ?? []), row]);
  for (const sender of senders) {
    for (const [clientMessageId, stored] of sender.acked) {
      const found = byClientId.get(`${sender.memberId}:${clientMessageId}`) ?? [];
      expect([sender.name, clientMessageId, found.map((r) => r.id)]).toEqual([sender.name, clientMessageId, [stored.id]]);
    }
    // Nothing is stored that this sender did not send.
    for (const row of rows.filter((r) => r.memberId === sender.memberId)) expect(sender.sent.has(row.clientMessageId)).toBe(true);
  }
  for (const groupId of new Set(senders.map((s) => s.groupId))) {
    const room = rows.filter((r) => r.groupId === groupId).sort((a, b) => a.seq - b.seq);
    expect(room.map((r) => r.seq)).toEqual(room.map((_, i) => i + 1));
    for (const sender of senders.filter((s) => s.groupId === groupId)) {
      const seen = [...sender.seen].sort((a, b) => a[1] - b[1]).map(([id, seq]) => `${seq}:${id}`);
      expect([sender.name, seen]).toEqual([sender.name, room.map((r) => `${r.seq}:${r.id}`)]);
    }
  }
}
