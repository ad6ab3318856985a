import { useSyncExternalStore } from 'react';

/**
 * "Press Esc again to leave": shown beside every quick-exit button for as long as a second Escape
 * would leave. A press that also closes a dialog still counts (a frightened person's Esc Esc must
 * always leave), so the hint says what the next press will do.
 */
let shown = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  if (shown === value) return;
  shown = value;
  for (const listener of listeners) listener();
}

export function showPressAgainHint(forMs: number): void {
  clearTimeout(timer);
  set(true);
  timer = setTimeout(() => set(false), forMs);
}

export function hidePressAgainHint(): void {
  clearTimeout(timer);
  set(false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePressAgainHint(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => shown,
    () => false,
  );
}
