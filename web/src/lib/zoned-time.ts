import type { Locale } from '@tryg/shared';

/**
 * Meeting times on a group's wall clock (its IANA zone) and in Danish conventions
 * ("torsdag 24. marts kl. 18.00"). Everything takes the zone explicitly, so the device's own zone
 * only matters where we ask for it on purpose (`deviceTimeZone`).
 *
 * The conversions mirror the API's `scheduling/zoned-time.ts`, so a time typed here lands on the
 * same instant the server computes for a series (a skipped spring-forward time moves forward by
 * the gap; a time that happens twice is the earlier one).
 */

const DAY_MS = 24 * 3600 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function clockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    clockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at an instant. */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of clockFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day } = fields;
  return {
    year,
    month,
    day,
    // Some ICU versions write midnight as 24 even with h23.
    hour: fields.hour === 24 ? 0 : fields.hour,
    minute: fields.minute,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

function offsetAt(instantMs: number, timeZone: string): number {
  const whole = instantMs - (((instantMs % 60_000) + 60_000) % 60_000);
  const w = wallClockAt(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - whole;
}

/** `YYYY-MM-DD` and `HH:mm` of an instant on the wall clock of `timeZone`. */
export function toLocalDateTime(instant: Date | string, timeZone: string): { date: string; time: string } {
  const w = wallClockAt(new Date(instant), timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The instant at which the wall clock in `timeZone` shows `date` (`YYYY-MM-DD`) `time` (`HH:mm`). */
export function fromLocalDateTime(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  // A zone changes offset at most once around a given day: try the offsets on either side.
  const before = offsetAt(wallAsUtc - DAY_MS, timeZone);
  const after = offsetAt(wallAsUtc + DAY_MS, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => {
      const w = wallClockAt(instant, timeZone);
      return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi;
    })
    .sort((a, b) => a - b);
  return new Date(matches.length > 0 ? matches[0] : wallAsUtc - before);
}

/** `YYYY-MM-DD` `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** The zone this device's clock is set to (the member's "own time"); a valid fallback if unknown. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether two zones show the same wall clock at this instant (e.g. Europe/Copenhagen and Europe/Oslo). */
export function sameWallClock(a: string, b: string, at: Date | string): boolean {
  if (a === b) return true;
  const x = wallClockAt(new Date(at), a);
  const y = wallClockAt(new Date(at), b);
  return x.year === y.year && x.month === y.month && x.day === y.day && x.hour === y.hour && x.minute === y.minute;
}

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function names(locale: Locale, timeZone: string, at: Date): { weekday: string; month: string } {
  const key = `${locale}|${timeZone}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, weekday: 'long', month: 'long' });
    nameFormatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(at);
  return {
    weekday: parts.find((p) => p.type === 'weekday')?.value ?? '',
    month: parts.find((p) => p.type === 'month')?.value ?? '',
  };
}

/*
 * The pattern is put together here rather than left to Intl, whose Danish long date differs
 * between ICU versions ("torsdag den 24. marts"); the words themselves still come from Intl.
 */

/** `18.00` (Danish) or `18:00` (English). */
export function formatClock(instant: Date | string, locale: Locale, timeZone: string): string {
  const w = wallClockAt(new Date(instant), timeZone);
  return `${pad(w.hour)}${locale === 'da' ? '.' : ':'}${pad(w.minute)}`;
}

/** `torsdag 24. marts` / `Thursday 24 March`, with the year when it is not this year (in that zone). */
export function formatDay(instant: Date | string, locale: Locale, timeZone: string, now: Date = new Date()): string {
  const at = new Date(instant);
  const w = wallClockAt(at, timeZone);
  const { weekday, month } = names(locale, timeZone, at);
  const year = w.year === wallClockAt(now, timeZone).year ? '' : ` ${w.year}`;
  return locale === 'da' ? `${weekday} ${w.day}. ${month}${year}` : `${weekday} ${w.day} ${month}${year}`;
}

/** `torsdag 24. marts kl. 18.00` / `Thursday 24 March at 18:00`. */
export function formatMeetingTime(
  instant: Date | string,
  locale: Locale,
  timeZone: string,
  now: Date = new Date(),
): string {
  const day = formatDay(instant, locale, timeZone, now);
  const clock = formatClock(instant, locale, timeZone);
  return locale === 'da' ? `${day} kl. ${clock}` : `${day} at ${clock}`;
}
