import { useEffect, useState } from 'react';
import type { RoomSession } from '../room-session';

/**
 * Seconds left before slow mode lets my next message through: counted from my last stored message
 * (or a send refused for slow mode). Facilitators are not slowed (`applies` false).
 */
export function useSlowModeWait(session: RoomSession, slowModeSeconds: number, applies: boolean): number {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!applies || slowModeSeconds <= 0) return undefined;
    return session.onEvent((event) => {
      if (event.kind === 'sent' || (event.kind === 'refused' && event.code === 'SLOW_MODE')) {
        const at = Date.now();
        setNow(at);
        setUntil(at + slowModeSeconds * 1000);
      }
    });
  }, [session, slowModeSeconds, applies]);

  const waiting = applies && slowModeSeconds > 0 && until > now;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [waiting]);

  return waiting ? Math.ceil((until - now) / 1000) : 0;
}
