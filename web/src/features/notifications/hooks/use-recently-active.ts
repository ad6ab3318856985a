import { useEffect, useState } from 'react';

/** After this long without a key press or touch, the person counts as away. */
export const IDLE_AFTER_MS = 10 * 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Whether the person used the page lately. Background polling stops when they have not, so a
 * page left open on a shared device does not keep the session alive past its idle timeout.
 */
export function useRecentlyActive(idleAfterMs = IDLE_AFTER_MS): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let timer = window.setTimeout(() => setActive(false), idleAfterMs);
    const onActivity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setActive(false), idleAfterMs);
      setActive(true);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [idleAfterMs]);
  return active;
}
