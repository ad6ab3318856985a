import { useEffect, useState } from 'react';
import { idleEndsAt, lastActivity, subscribeSessionActivity } from '../../../lib/session-activity';
import { reportActivity } from '../api/report-activity';
import { minutesLeft, shouldReport, shouldWarn } from '../idle-timing';

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Reports the person's input to the server (at most once a minute), so a session ends only when
 * nobody is there; and says when to warn that it is about to end. Returns the whole minutes left
 * while the warning should show, else null.
 */
export function useIdleWarning(): number | null {
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    const check = () => {
      const end = idleEndsAt();
      const now = Date.now();
      setMinutes(end !== null && shouldWarn(end, now) ? minutesLeft(end, now) : null);
    };
    const onInput = () => {
      if (shouldReport(lastActivity(), Date.now())) reportActivity().catch(() => undefined);
    };
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    const unsubscribe = subscribeSessionActivity(check);
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    check();
    return () => {
      window.clearInterval(timer);
      unsubscribe();
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, []);
  return minutes;
}
