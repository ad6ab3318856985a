import type { Locale } from '@tryg/shared';

// Danish conventions come from Intl's da-DK data: `24. marts kl. 18.00`.
const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** Day, month and time, with the year only when it is not this year. */
export function formatDateTime(iso: string, locale: Locale, now: Date = new Date(), timeZone?: string): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** A local date `YYYY-MM-DD` in words: `24. marts 2027` / `24 March 2027` (no time zone involved). */
export function formatLocalDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}
