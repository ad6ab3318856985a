import type { Message, SocketErrorCode } from '@tryg/shared';

/**
 * Messages written here that the server has not yet confirmed as stored. Each keeps the
 * `clientMessageId` it was given when written: a resend after a dropped connection uses the same
 * id, so the server answers with the stored message instead of storing it twice.
 *
 * queued: waits for a connection (or its turn); sending: sent, answer awaited; failed: refused.
 */
export type OutboxState = 'queued' | 'sending' | 'failed';

export interface OutboxEntry {
  clientMessageId: string;
  body: string;
  contentWarning: string | null;
  confirmIdentifying: boolean;
  state: OutboxState;
  error: SocketErrorCode | null;
  /** Id of the live copy seen before the answer came (so it is not shown twice meanwhile). */
  echoId: string | null;
}

export function newEntry(clientMessageId: string, body: string, contentWarning: string | null): OutboxEntry {
  return {
    clientMessageId,
    body,
    contentWarning,
    confirmIdentifying: false,
    state: 'queued',
    error: null,
    echoId: null,
  };
}

/** Drops the entries the server has confirmed: their client id came back on a stored message. */
export function settle(outbox: readonly OutboxEntry[], stored: readonly Message[]): readonly OutboxEntry[] {
  const confirmed = new Set(stored.map((m) => m.clientMessageId).filter((id): id is string => id !== undefined));
  if (confirmed.size === 0) return outbox;
  const next = outbox.filter((entry) => !confirmed.has(entry.clientMessageId));
  return next.length === outbox.length ? outbox : next;
}

/**
 * A live `message:new` of my own carries no client id and may arrive just before the answer to
 * my send: it is matched to the oldest sending entry with the same text, which then stays hidden.
 */
export function claimEcho(
  outbox: readonly OutboxEntry[],
  message: Message,
  myMemberId: string,
): readonly OutboxEntry[] {
  if (message.memberId !== myMemberId || message.clientMessageId !== undefined) return outbox;
  if (outbox.some((entry) => entry.echoId === message.id)) return outbox;
  const index = outbox.findIndex(
    (entry) =>
      entry.state === 'sending' &&
      entry.echoId === null &&
      entry.body === message.body &&
      entry.contentWarning === message.contentWarning,
  );
  if (index === -1) return outbox;
  return outbox.map((entry, i) => (i === index ? { ...entry, echoId: message.id } : entry));
}

/** After a dropped connection nothing is in flight any more: unanswered sends wait to be resent. */
export function requeueInFlight(outbox: readonly OutboxEntry[]): readonly OutboxEntry[] {
  if (!outbox.some((entry) => entry.state === 'sending')) return outbox;
  return outbox.map((entry) => (entry.state === 'sending' ? { ...entry, state: 'queued', echoId: null } : entry));
}

/** The oldest entry waiting to be sent, so messages go out in the order they were written. */
export function nextQueued(outbox: readonly OutboxEntry[]): OutboxEntry | undefined {
  return outbox.find((entry) => entry.state === 'queued');
}

export function updateEntry(
  outbox: readonly OutboxEntry[],
  clientMessageId: string,
  change: Partial<OutboxEntry>,
): readonly OutboxEntry[] {
  return outbox.map((entry) => (entry.clientMessageId === clientMessageId ? { ...entry, ...change } : entry));
}

export function removeEntry(outbox: readonly OutboxEntry[], clientMessageId: string): readonly OutboxEntry[] {
  return outbox.filter((entry) => entry.clientMessageId !== clientMessageId);
}

/** What the list shows below the stored messages: entries not yet seen as stored. */
export function visibleEntries(outbox: readonly OutboxEntry[]): readonly OutboxEntry[] {
  return outbox.filter((entry) => entry.echoId === null);
}
