import { SESSION_IDLE_MINUTES } from '@tryg/shared';

/**
 * What the server counts as this session's activity, as far as this tab knows: its requests,
 * the input it reports, and listening in a room that is open for a meeting (the server keeps
 * such a session alive). The idle warning reads it; heartbeats never count.
 */
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;

let lastActivityAt = Date.now();
let listeningInOpenRoom = false;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** A request reached the server (whatever it answered): the idle timer restarted there too. */
export function noteActivity(at = Date.now()): void {
  lastActivityAt = at;
  changed();
}

/** The live room says whether this tab listens in a room open for a meeting now. */
export function setListeningInOpenRoom(value: boolean): void {
  if (listeningInOpenRoom === value) return;
  listeningInOpenRoom = value;
  if (!value) lastActivityAt = Date.now();
  changed();
}

/** When the server will end the session for idleness, or null while it keeps it alive. */
export function idleEndsAt(): number | null {
  return listeningInOpenRoom ? null : lastActivityAt + IDLE_MS;
}

export function lastActivity(): number {
  return lastActivityAt;
}

export function subscribeSessionActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
