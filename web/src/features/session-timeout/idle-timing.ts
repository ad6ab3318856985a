import { SESSION_IDLE_WARNING_MINUTES } from '@tryg/shared';

export const WARN_BEFORE_MS = SESSION_IDLE_WARNING_MINUTES * 60_000;
/** Input is reported at most this often (the server writes activity at most once a minute anyway). */
export const REPORT_EVERY_MS = 60_000;

/** Whether the warning shows now: within the last two minutes before the idle end, and not past it. */
export function shouldWarn(idleEndsAt: number | null, now: number): boolean {
  return idleEndsAt !== null && now >= idleEndsAt - WARN_BEFORE_MS && now < idleEndsAt;
}

/** Whether input now should be reported, given the last activity the server heard of. */
export function shouldReport(lastActivityAt: number, now: number): boolean {
  return now - lastActivityAt >= REPORT_EVERY_MS;
}

/** Whole minutes left, rounded up, for the warning text. */
export function minutesLeft(idleEndsAt: number, now: number): number {
  return Math.max(1, Math.ceil((idleEndsAt - now) / 60_000));
}
