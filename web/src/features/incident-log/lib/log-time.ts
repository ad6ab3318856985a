/**
 * The log keeps Danish time, like its exports and the pattern view on the server: a time typed
 * into the form is read as a wall-clock time in Copenhagen, whatever zone the device is set to,
 * so the page, the PDF and the chart always agree on the day and the hour.
 */
export const LOG_TIME_ZONE = 'Europe/Copenhagen';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` (24 hours) */
  time: string;
}

function partsIn(instantMs: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** The zone's offset from UTC at an instant, in whole minutes (e.g. 60 in Danish winter time). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const p = partsIn(whole, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - whole) / MINUTE_MS);
}

/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isLocalTime(value: string): boolean {
  const match = LOCAL_TIME.exec(value);
  return Boolean(match) && Number(match?.[1]) < 24 && Number(match?.[2]) < 60;
}

/**
 * The instant (ISO-8601 UTC) of a wall-clock time in a zone. A time skipped when the clocks go
 * forward lands an hour later; a time that happens twice when they go back gets the first one.
 */
export function wallTimeToInstant({ date, time }: WallTime, timeZone: string = LOG_TIME_ZONE): string {
  if (!isLocalDate(date) || !isLocalTime(time)) throw new RangeError(`not a date and time: ${date} ${time}`);
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a day before and after cover both sides of a daylight-saving change.
  const before = wall - offsetMinutes(wall - DAY_MS, timeZone) * MINUTE_MS;
  const after = wall - offsetMinutes(wall + DAY_MS, timeZone) * MINUTE_MS;
  const wanted = `${date} ${time}`;
  const matching = [before, after].filter((candidate) => wallTimeOf(candidate, timeZone) === wanted);
  // Twice (clocks going back): the first. Never (clocks going forward): read with the old offset.
  return new Date(matching.length > 0 ? Math.min(...matching) : before).toISOString();
}

function wallTimeOf(instantMs: number, timeZone: string): string {
  const { date, time } = instantToWallTime(new Date(instantMs).toISOString(), timeZone);
  return `${date} ${time}`;
}

/** The wall-clock date and time of an instant in a zone. */
export function instantToWallTime(iso: string, timeZone: string = LOG_TIME_ZONE): WallTime {
  const p = partsIn(new Date(iso).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** `2026-03-31` + 1 → `2026-04-01`. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The list's date filter: from the start of the first day up to (not including) the start of
 * the day after the last, in Danish time, as the API's `from` and `to` instants.
 */
export function dateRangeQuery(
  from: string,
  to: string,
  timeZone: string = LOG_TIME_ZONE,
): { from?: string; to?: string } {
  const query: { from?: string; to?: string } = {};
  if (isLocalDate(from)) query.from = wallTimeToInstant({ date: from, time: '00:00' }, timeZone);
  if (isLocalDate(to)) query.to = wallTimeToInstant({ date: addDays(to, 1), time: '00:00' }, timeZone);
  return query;
}
