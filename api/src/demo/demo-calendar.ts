/** Days and weekdays on a group's wall clock, for the demo's groups (named after the day they meet). */

const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The Danish weekday of an instant in a time zone ("torsdag"). */
export function danishWeekday(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('da-DK', { timeZone, weekday: 'long' }).format(at);
}

/** "torsdag" → "Torsdagsgruppen": a group named after the day it meets. */
export function groupNameFor(weekday: string): string {
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}sgruppen`;
}

/** The first day after `from` (at least `afterDays` later) that falls on `weekday`, as `YYYY-MM-DD`. */
export function nextDateOn(weekday: string, from: Date, timeZone: string, afterDays = 1): string {
  for (let days = afterDays; days < afterDays + 7; days += 1) {
    const candidate = new Date(from.getTime() + days * DAY_MS);
    if (danishWeekday(candidate, timeZone) === weekday) return localDate(candidate, timeZone);
  }
  throw new Error(`no ${weekday} within a week`);
}
