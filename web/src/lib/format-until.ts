import type { Locale } from '@tryg/shared';
import { formatDateTime } from './format';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function dayKey(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * A moment soon after now, as people say it: only the time when it is today ("kl. 18.00" /
 * "18:00"), else the day and time ("25. marts kl. 18.00"). Used for when a mute ends.
 */
export function formatUntil(iso: string, locale: Locale, now: Date = new Date(), timeZone?: string): string {
  const date = new Date(iso);
  if (dayKey(date, timeZone) === dayKey(now, timeZone)) {
    const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', timeZone }).format(
      date,
    );
    // Danish says the time with "kl.", as Intl does when it writes a date with a time.
    return locale === 'da' ? `kl. ${time}` : time;
  }
  return formatDateTime(iso, locale, now, timeZone);
}
