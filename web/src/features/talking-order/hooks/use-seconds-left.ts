import { useEffect, useState } from 'react';
import type { Floor } from '@tryg/shared';
import { secondsLeft } from '../floor-rules';

/**
 * Seconds left of a timed turn, ticking once a second; with reduced motion, only every 15 seconds
 * (a calm number, never a flicker).
 */
export function useSecondsLeft(floor: Floor | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  const timed = floor?.turnEndsAt ?? null;
  useEffect(() => {
    if (!timed) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const timer = window.setInterval(() => setNow(Date.now()), reduced ? 15_000 : 1000);
    return () => window.clearInterval(timer);
  }, [timed]);
  return secondsLeft(floor, now);
}
