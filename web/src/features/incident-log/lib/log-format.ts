import type { Locale } from '@tryg/shared';
import { formatDateTime } from '../../../lib/format';
import { LOG_TIME_ZONE } from './log-time';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** An instant in Danish time, as the exports show it: `20. november kl. 17.30`. */
export function formatLogTime(iso: string, locale: Locale, now: Date = new Date()): string {
  return formatDateTime(iso, locale, now, LOG_TIME_ZONE);
}

/** A calendar date `YYYY-MM-DD` in words: `20. november 2026`. */
export function formatLocalDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}

/** A number the local way (`1,5` in Danish). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/** The first words of a long text, cut at a word where possible. */
export function excerpt(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}
