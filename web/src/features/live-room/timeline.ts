import type { Message } from '@tryg/shared';

/**
 * The room's messages as this client knows them: one copy per id, in the group's total order
 * (`seq`), whatever order they arrived in (live events, catch-up after a reconnect, pages of history).
 */
export interface Timeline {
  messages: readonly Message[];
  /** Older messages exist on the server that are not loaded here. */
  hasEarlier: boolean;
}

export const EMPTY_TIMELINE: Timeline = { messages: [], hasEarlier: false };

/** Of two copies of one message, the one to keep: a removal is final; otherwise the newer copy wins. */
function preferred(current: Message, incoming: Message): Message {
  if (current.removed !== null && incoming.removed === null) return current;
  // Live events carry no client id; the author's own copy (ack, catch-up) does: keep it.
  if (incoming.clientMessageId === undefined && current.clientMessageId !== undefined)
    return { ...incoming, clientMessageId: current.clientMessageId };
  return incoming;
}

/** Index of the first message whose seq is ≥ `seq`. */
function lowerBound(messages: readonly Message[], seq: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (messages[middle].seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Adds or replaces messages, keeping seq order and one copy per id. New messages at the end (the
 * common case) are appended without touching the rest, so a long room stays cheap to update.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return current;
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  const lastSeq = current.at(-1)?.seq ?? -Infinity;
  const appendOnly = sorted[0].seq > lastSeq && sorted.every((m, i) => i === 0 || m.seq > sorted[i - 1].seq);
  if (appendOnly) return [...current, ...sorted];
  const next = [...current];
  for (const message of sorted) {
    const index = lowerBound(next, message.seq);
    const existing = next[index];
    if (existing !== undefined && (existing.id === message.id || existing.seq === message.seq)) {
      next[index] = preferred(existing, message);
    } else {
      next.splice(index, 0, message);
    }
  }
  return next;
}

export function mergeIntoTimeline(timeline: Timeline, incoming: readonly Message[]): Timeline {
  const messages = mergeMessages(timeline.messages, incoming);
  return messages === timeline.messages ? timeline : { ...timeline, messages };
}

/** The id to catch up from after a reconnect: the last message this client has. */
export function lastMessageId(timeline: Timeline): string | null {
  return timeline.messages.at(-1)?.id ?? null;
}

/** Ids of messages in `incoming` this timeline did not have yet. */
export function unseen(timeline: Timeline, incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return [];
  const known = new Set<string>();
  for (const message of incoming) {
    const index = lowerBound(timeline.messages, message.seq);
    if (timeline.messages[index]?.id === message.id) known.add(message.id);
  }
  return incoming.filter((message) => !known.has(message.id));
}

/** A local tombstone after the author deleted their message (the server's event says the same). */
export function tombstone(timeline: Timeline, messageId: string): Timeline {
  const index = timeline.messages.findIndex((m) => m.id === messageId);
  if (index === -1) return timeline;
  const messages = [...timeline.messages];
  messages[index] = { ...messages[index], body: null, contentWarning: null, removed: 'author' };
  return { ...timeline, messages };
}
