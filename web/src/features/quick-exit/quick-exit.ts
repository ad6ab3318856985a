import { API_PREFIX, CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import { resetClientState } from '../../lib/client-state';

/** Used until the server's QUICK_EXIT_URL has loaded: a neutral public page (the weather). */
export const FALLBACK_QUICK_EXIT_URL = 'https://www.dmi.dk/';

/*
 * A sessionStorage mark (this tab only, gone when it closes) that a quick exit happened here.
 * It holds only the neutral exit address. Pressing Back to a Tryg page then leaves again at
 * once instead of showing Tryg (see leaveIfReturnedAfterQuickExit).
 */
const LEFT_MARK = 'exit';

let quickExitUrl = FALLBACK_QUICK_EXIT_URL;
const teardowns: (() => void)[] = [];

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function setQuickExitUrl(url: string): void {
  if (isHttpUrl(url)) quickExitUrl = url;
}

export function getQuickExitUrl(): string {
  return quickExitUrl;
}

/** Run first on quick exit, e.g. unmounting React so nothing re-renders or navigates meanwhile. */
export function beforeQuickExit(teardown: () => void): void {
  teardowns.push(teardown);
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing may stop a quick exit from reaching location.replace.
  }
}

/**
 * Leave now: stop the UI, forget every cached answer, end the session on the server without
 * waiting (keepalive survives the page), and replace this history entry with a neutral page.
 * `leave` is the navigation itself, replaceable in tests (jsdom cannot navigate).
 */
export function performQuickExit(leave: (url: string) => void): void {
  const target = quickExitUrl;
  for (const teardown of teardowns) safely(teardown);
  safely(resetClientState);
  safely(() => {
    void fetch(`${API_PREFIX}/auth/logout`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    }).catch(() => undefined);
  });
  safely(() => sessionStorage.setItem(LEFT_MARK, target));
  // Blank at once: the neutral page may take a moment to load.
  safely(() => document.body.replaceChildren());
  leave(target);
}

export function quickExit(): void {
  performQuickExit((url) => window.location.replace(url));
}

function navigationType(): string | undefined {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type;
}

/**
 * Call before rendering. After a quick exit in this tab, Back (or Forward) to a Tryg page leaves
 * again without showing anything; opening Tryg anew or reloading clears the mark.
 * Returns true when the page is leaving.
 */
export function leaveIfReturnedAfterQuickExit(type: string | undefined = navigationType()): boolean {
  let target: string | null = null;
  safely(() => {
    target = sessionStorage.getItem(LEFT_MARK);
  });
  if (target === null) return false;
  if (type === 'back_forward') {
    window.location.replace(isHttpUrl(target) ? target : FALLBACK_QUICK_EXIT_URL);
    return true;
  }
  safely(() => sessionStorage.removeItem(LEFT_MARK));
  return false;
}

/** A page restored from the back/forward cache after a quick exit leaves again too. */
export function guardBackForwardCache(): void {
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) leaveIfReturnedAfterQuickExit('back_forward');
  });
}
