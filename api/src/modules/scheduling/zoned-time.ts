/**
 * Wall-clock time in an IANA zone, from `Intl` with an explicit `timeZone` only. Nothing here reads
 * the process's own zone (`TZ`), so the server's zone can never shift a meeting; zoned-time.spec.ts
 * proves it by running the same calculation under other `TZ` values in child processes.
 *
 * Deliberately free of runtime imports, so the spec can load it in a bare `node` process.
 */

const DAY_MS = 24 * 3600 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(instantMs: number, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    // Some ICU versions write midnight as 24 even with h23.
    hour: fields.hour === 24 ? 0 : fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (Copenhagen summer time: +7 200 000). */
export function offsetAt(instantMs: number, zone: string): number {
  const whole = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const w = wallClockAt(whole, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function parseTime(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number);
  return [h, m];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Calendar arithmetic on `YYYY-MM-DD` (no zone involved: a date is a date). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const shifted = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The instant at which the wall clock in `zone` shows `date` `time`.
 * A time that does not exist (skipped by a spring-forward change) moves forward by the gap
 * (02:30 → 03:30); a time that happens twice (fall-back) is the earlier of the two.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const [y, mo, d] = parseDate(date);
  const [h, mi] = parseTime(time);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  // A zone changes offset at most once around any given day; try the offsets on either side.
  const before = offsetAt(wallAsUtc - DAY_MS, zone);
  const after = offsetAt(wallAsUtc + DAY_MS, zone);
  const matches = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => {
      const w = wallClockAt(instant, zone);
      return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi;
    })
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]);
  // In a gap: the offset from before the change lands the same distance past it.
  return new Date(wallAsUtc - before);
}

/** The local date and time (`YYYY-MM-DD`, `HH:mm`) of an instant in `zone`. */
export function utcToZoned(instant: Date, zone: string): { date: string; time: string } {
  const w = wallClockAt(instant.getTime(), zone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}
