import type { Locale, Meeting } from '@tryg/shared';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function dayKey(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "18.00" (Danish) or "18:00" (English), in the group's time zone. */
export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** "24. marts" / "24 March", in the group's time zone. */
export function formatDay(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', timeZone }).format(
    new Date(iso),
  );
}

export function isSameDay(iso: string, now: Date, timeZone?: string): boolean {
  return dayKey(new Date(iso), timeZone) === dayKey(now, timeZone);
}

/**
 * When a closed room opens next: the first meeting not cancelled and not over, minus the minutes
 * the room opens before it. Null when nothing is planned.
 */
export function nextOpening(meetings: readonly Meeting[], openMinutesBefore: number, now: Date): string | null {
  const upcoming = meetings
    .filter((m) => !m.cancelled && Date.parse(m.endsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  if (!upcoming) return null;
  return new Date(Date.parse(upcoming.startsAt) - openMinutesBefore * 60_000).toISOString();
}
