import type { HelpLine, Message, Page, PresenceMember, RoomState, SocketErrorCode } from '@tryg/shared';
import {
  claimEcho,
  newEntry,
  nextQueued,
  removeEntry,
  requeueInFlight,
  settle,
  updateEntry,
  type OutboxEntry,
} from './outbox';
import type { RoomTransport, TransportHandlers } from './room-transport';
import { EMPTY_TIMELINE, lastMessageId, mergeIntoTimeline, tombstone, unseen, type Timeline } from './timeline';

/**
 * connecting: first dial; online: connected; reconnecting: the connection dropped and is being
 * dialled again; disconnected: the server hung up on purpose; signed-out: the session ended.
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'disconnected' | 'signed-out';

export interface TypingMember {
  memberId: string;
  displayName: string;
}

export interface RoomSnapshot {
  connection: ConnectionStatus;
  /** In the room: messages and events flow. */
  joined: boolean;
  /** Why the room could not be entered (e.g. `ROOM_CLOSED`), or null. */
  joinError: SocketErrorCode | null;
  room: RoomState | null;
  timeline: Timeline;
  outbox: readonly OutboxEntry[];
  presence: readonly PresenceMember[];
  typing: readonly TypingMember[];
  loadingEarlier: boolean;
  earlierFailed: boolean;
}

export type RoomEvent =
  /** New messages from others, live (not catch-up or history). */
  | { kind: 'incoming'; messages: Message[] }
  /** Back in the room after a dropped connection, with this many missed messages from others. */
  | { kind: 'caught-up'; missed: number }
  /** One of my messages was stored; `held` waits for a facilitator, `crisis` came with help lines. */
  | { kind: 'sent'; message: Message; notice?: 'held' | 'crisis'; helpLines?: HelpLine[] }
  /** One of my messages was refused (e.g. `MUTED`, `SLOW_MODE`, `IDENTIFYING_INFO`). */
  | { kind: 'refused'; code: SocketErrorCode };

export interface HistoryApi {
  after: (groupId: string, afterId: string) => Promise<Page<Message>>;
  before: (groupId: string, beforeId: string) => Promise<Page<Message>>;
}

export interface RoomSessionOptions {
  groupId: string;
  memberId: string;
  openTransport: () => RoomTransport;
  history: HistoryApi;
  newId: () => string;
  ackTimeoutMs?: number;
  /** How often a closed room is asked again whether it has opened. */
  closedRetryMs?: number;
  typingShownMs?: number;
}

const TYPING_SEND_EVERY_MS = 2000;
/** Catch-up beyond the 500 messages a join returns is read from history, at most this many pages. */
const CATCH_UP_PAGES = 50;

const INITIAL: RoomSnapshot = {
  connection: 'connecting',
  joined: false,
  joinError: null,
  room: null,
  timeline: EMPTY_TIMELINE,
  outbox: [],
  presence: [],
  typing: [],
  loadingEarlier: false,
  earlierFailed: false,
};

/**
 * One live room for one member: joins (and rejoins after every reconnect, catching up from the
 * last message it has), keeps messages in order and without duplicates, and sends what was written
 * through an outbox that resends unanswered messages with their original client id. React reads it
 * through `subscribe`/`getSnapshot`; it knows nothing of React.
 */
export class RoomSession {
  private snapshot: RoomSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: RoomEvent) => void>();
  private transport: RoomTransport | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Bumped at every (dis)connection and join, so answers to an older attempt are ignored. */
  private generation = 0;
  private flushingGeneration = -1;
  private hasBeenInRoom = false;
  /** The next join reloads on purpose (resync): nothing to announce as "back". */
  private quietRejoin = false;
  private lastTypingSentAt = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly ackTimeoutMs: number;
  private readonly closedRetryMs: number;
  private readonly typingShownMs: number;

  constructor(private readonly options: RoomSessionOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.closedRetryMs = options.closedRetryMs ?? 20_000;
    this.typingShownMs = options.typingShownMs ?? 5000;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSnapshot => this.snapshot;

  onEvent(listener: (event: RoomEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  start(): void {
    if (this.transport) return;
    const transport = this.options.openTransport();
    this.transport = transport;
    this.unsubscribe = transport.subscribe(this.handlers);
    if (transport.isConnected()) void this.join();
  }

  /** Leaves the room and lets go of the connection; what was not sent is forgotten with the view. */
  stop(): void {
    const transport = this.transport;
    if (!transport) return;
    this.generation += 1;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.snapshot.joined) transport.leave(this.options.groupId);
    transport.release();
    this.transport = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    this.update({ joined: false, typing: [] });
  }

  /** Writes a message: it is shown at once as pending and sent as soon as the room can take it. */
  send(body: string, contentWarning: string | null): void {
    const entry = newEntry(this.options.newId(), body, contentWarning);
    this.update({ outbox: [...this.snapshot.outbox, entry] });
    void this.flush();
  }

  /** Sends a refused message again, with the same client id. */
  retry(clientMessageId: string, options: { confirmIdentifying?: boolean } = {}): void {
    const change: Partial<OutboxEntry> = { state: 'queued', error: null };
    if (options.confirmIdentifying) change.confirmIdentifying = true;
    this.update({ outbox: updateEntry(this.snapshot.outbox, clientMessageId, change) });
    void this.flush();
  }

  /** Gives up on an unsent message. */
  discard(clientMessageId: string): void {
    this.update({ outbox: removeEntry(this.snapshot.outbox, clientMessageId) });
  }

  /** The author deleted a message: tombstone it here at once (the server's event follows). */
  markDeleted(messageId: string): void {
    this.update({ timeline: tombstone(this.snapshot.timeline, messageId) });
  }

  /** Lets the room know I am typing, at most every two seconds. */
  notifyTyping(now = Date.now()): void {
    if (!this.snapshot.joined || !this.transport) return;
    if (now - this.lastTypingSentAt < TYPING_SEND_EVERY_MS) return;
    this.lastTypingSentAt = now;
    this.transport.typing(this.options.groupId);
  }

  /**
   * Reads the room again from its latest messages, keeping what is unsent (sent again with the same
   * client ids). For messages the server kept from this reader before and would send now, e.g. after
   * they stopped ignoring someone.
   */
  resync(): void {
    if (!this.transport || !this.snapshot.joined) return;
    this.quietRejoin = true;
    this.update({ timeline: EMPTY_TIMELINE, outbox: requeueInFlight(this.snapshot.outbox) });
    void this.join();
  }

  /** Dials again after the server hung up (not needed after an ordinary drop: that redials itself). */
  reconnect(): void {
    this.transport?.reconnect();
  }

  /**
   * The browser says the network is gone: hang up now rather than wait for the socket's timeouts,
   * so what is written meanwhile waits in the outbox and is sent after the automatic redial.
   */
  connectionLost(): void {
    if (this.transport?.isConnected()) this.transport.dropConnection();
  }

  async loadEarlier(): Promise<void> {
    const { timeline, loadingEarlier } = this.snapshot;
    const first = timeline.messages[0];
    if (loadingEarlier || !timeline.hasEarlier || !first) return;
    this.update({ loadingEarlier: true, earlierFailed: false });
    try {
      const page = await this.options.history.before(this.options.groupId, first.id);
      const merged = mergeIntoTimeline(this.snapshot.timeline, page.items);
      this.update({ timeline: { ...merged, hasEarlier: page.nextCursor !== null }, loadingEarlier: false });
    } catch {
      this.update({ loadingEarlier: false, earlierFailed: true });
    }
  }

  private readonly handlers: TransportHandlers = {
    connect: () => void this.join(),
    disconnect: (byServer) => {
      this.generation += 1;
      this.clearTyping();
      const ended = this.snapshot.connection === 'signed-out';
      this.update({
        connection: ended ? 'signed-out' : byServer ? 'disconnected' : 'reconnecting',
        joined: false,
        presence: [],
        outbox: requeueInFlight(this.snapshot.outbox),
      });
    },
    connectError: (message) => {
      if (message === 'UNAUTHENTICATED') this.update({ connection: 'signed-out', joined: false });
      else if (this.snapshot.connection !== 'signed-out') this.update({ connection: 'reconnecting', joined: false });
    },
    revoked: () => {
      this.generation += 1;
      this.update({ connection: 'signed-out', joined: false, presence: [] });
    },
    roomState: (state) => {
      if (state.groupId === this.options.groupId) this.update({ room: state });
    },
    presence: (groupId, members) => {
      if (groupId === this.options.groupId) this.update({ presence: members });
    },
    typing: (groupId, memberId, displayName) => {
      if (groupId !== this.options.groupId || memberId === this.options.memberId) return;
      this.showTyping(memberId, displayName);
    },
    messageNew: (message) => {
      if (message.groupId !== this.options.groupId) return;
      const fresh = unseen(this.snapshot.timeline, [message]);
      this.update({
        timeline: mergeIntoTimeline(this.snapshot.timeline, [message]),
        outbox: claimEcho(this.snapshot.outbox, message, this.options.memberId),
      });
      if (message.memberId !== null) this.stopTyping(message.memberId);
      const fromOthers = fresh.filter((m) => m.memberId !== this.options.memberId);
      if (fromOthers.length > 0) this.emit({ kind: 'incoming', messages: fromOthers });
    },
    messageChanged: (message) => {
      if (message.groupId !== this.options.groupId) return;
      this.update({ timeline: mergeIntoTimeline(this.snapshot.timeline, [message]) });
    },
  };

  private async join(): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const generation = ++this.generation;
    const anchor = lastMessageId(this.snapshot.timeline);
    let ack;
    try {
      ack = await transport.join(
        anchor ? { groupId: this.options.groupId, afterMessageId: anchor } : { groupId: this.options.groupId },
        this.ackTimeoutMs,
      );
    } catch {
      // No answer: try again while connected (a drop brings its own rejoin).
      if (generation === this.generation && transport.isConnected()) this.later(() => void this.join(), 3000);
      return;
    }
    if (generation !== this.generation || this.transport !== transport) return;
    if (!ack.ok) {
      if (ack.code === 'NOT_FOUND' && anchor) {
        // The message to catch up from is gone (e.g. past retention): start again from the latest.
        this.update({ timeline: EMPTY_TIMELINE });
        return this.join();
      }
      this.update({ connection: 'online', joined: false, joinError: ack.code });
      if (ack.code === 'ROOM_CLOSED') this.later(() => void this.join(), this.closedRetryMs);
      else if (ack.code === 'INTERNAL' || ack.code === 'RATE_LIMITED' || ack.code === 'UNAVAILABLE') this.later(() => void this.join(), 5000);
      return;
    }
    const missed = unseen(this.snapshot.timeline, ack.messages).filter((m) => m.memberId !== this.options.memberId);
    let timeline = mergeIntoTimeline(this.snapshot.timeline, ack.messages);
    if (!anchor) timeline = { ...timeline, hasEarlier: ack.hasMore };
    this.update({
      connection: 'online',
      joined: true,
      joinError: null,
      room: ack.room,
      timeline,
      outbox: settle(this.snapshot.outbox, ack.messages),
    });
    if (anchor && ack.hasMore) missed.push(...(await this.catchUpFromHistory(generation)));
    if (generation !== this.generation) return;
    if (this.hasBeenInRoom && !this.quietRejoin) this.emit({ kind: 'caught-up', missed: missed.length });
    this.hasBeenInRoom = true;
    this.quietRejoin = false;
    await this.flush();
  }

  /** More was missed than a join returns: read the rest, page by page, from history. */
  private async catchUpFromHistory(generation: number): Promise<Message[]> {
    const missed: Message[] = [];
    for (let page = 0; page < CATCH_UP_PAGES; page += 1) {
      const anchor = lastMessageId(this.snapshot.timeline);
      if (!anchor) break;
      let result: Page<Message>;
      try {
        result = await this.options.history.after(this.options.groupId, anchor);
      } catch {
        break;
      }
      if (generation !== this.generation) break;
      missed.push(...unseen(this.snapshot.timeline, result.items).filter((m) => m.memberId !== this.options.memberId));
      this.update({
        timeline: mergeIntoTimeline(this.snapshot.timeline, result.items),
        outbox: settle(this.snapshot.outbox, result.items),
      });
      if (result.nextCursor === null) break;
    }
    return missed;
  }

  /**
   * Sends the queued messages one by one, in order, each only after the previous was answered.
   * One run per connection: a drop ends the run (its sends go back to the queue) and the rejoin
   * starts a new one.
   */
  private async flush(): Promise<void> {
    const generation = this.generation;
    if (this.flushingGeneration === generation) return;
    this.flushingGeneration = generation;
    try {
      for (;;) {
        const transport = this.transport;
        if (!transport || !transport.isConnected() || !this.snapshot.joined || generation !== this.generation) return;
        const entry = nextQueued(this.snapshot.outbox);
        if (!entry) return;
        this.update({ outbox: updateEntry(this.snapshot.outbox, entry.clientMessageId, { state: 'sending' }) });
        let ack;
        try {
          ack = await transport.send(
            {
              groupId: this.options.groupId,
              clientMessageId: entry.clientMessageId,
              body: entry.body,
              ...(entry.contentWarning ? { contentWarning: entry.contentWarning } : {}),
              ...(entry.confirmIdentifying ? { confirmIdentifying: true } : {}),
            },
            this.ackTimeoutMs,
          );
        } catch {
          if (generation !== this.generation) return;
          // Connected but unanswered: the connection is probably dead without knowing it. Hang up
          // so it is dialled again; the rejoin catches up and resends with the same client id.
          this.update({ outbox: requeueInFlight(this.snapshot.outbox) });
          transport.dropConnection();
          return;
        }
        if (generation !== this.generation || this.transport !== transport) return;
        if (ack.ok) {
          this.update({
            timeline: mergeIntoTimeline(this.snapshot.timeline, [ack.message]),
            outbox: removeEntry(this.snapshot.outbox, entry.clientMessageId),
          });
          this.emit({ kind: 'sent', message: ack.message, notice: ack.notice, helpLines: ack.helpLines });
        } else {
          this.update({
            outbox: updateEntry(this.snapshot.outbox, entry.clientMessageId, {
              state: 'failed',
              error: ack.code,
              echoId: null,
            }),
          });
          this.emit({ kind: 'refused', code: ack.code });
        }
      }
    } finally {
      if (this.flushingGeneration === generation) this.flushingGeneration = -1;
    }
  }

  private showTyping(memberId: string, displayName: string): void {
    const existing = this.typingTimers.get(memberId);
    if (existing) clearTimeout(existing);
    this.typingTimers.set(
      memberId,
      setTimeout(() => this.stopTyping(memberId), this.typingShownMs),
    );
    if (!this.snapshot.typing.some((t) => t.memberId === memberId))
      this.update({ typing: [...this.snapshot.typing, { memberId, displayName }] });
  }

  private stopTyping(memberId: string): void {
    const timer = this.typingTimers.get(memberId);
    if (timer) clearTimeout(timer);
    this.typingTimers.delete(memberId);
    if (this.snapshot.typing.some((t) => t.memberId === memberId))
      this.update({ typing: this.snapshot.typing.filter((t) => t.memberId !== memberId) });
  }

  private clearTyping(): void {
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    if (this.snapshot.typing.length > 0) this.update({ typing: [] });
  }

  private later(action: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.transport) action();
    }, ms);
    this.timers.add(timer);
  }

  private update(change: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private emit(event: RoomEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
