import type { CoverItem } from '@tryg/shared';
import { addDays, toLocalDateTime, wallClockAt } from '../../lib/zoned-time';

/** The API answers 60 days ahead; the week view goes that far (this week and eight more). */
export const MAX_WEEK_OFFSET = 8;

/** Monday (`YYYY-MM-DD`) of the week `offset` weeks after the one holding `now`, on `timeZone`'s calendar. */
export function weekStart(now: Date, timeZone: string, offset: number): string {
  const today = toLocalDateTime(now, timeZone).date;
  const daysSinceMonday = (wallClockAt(now, timeZone).weekday + 6) % 7;
  return addDays(today, offset * 7 - daysSinceMonday);
}

export interface CoverDay {
  /** `YYYY-MM-DD` */
  date: string;
  items: CoverItem[];
}

/**
 * The days of the week starting `monday` that have meetings, in order; each meeting on the day it
 * starts on its group's wall clock, soonest first.
 */
export function daysOfWeek(items: readonly CoverItem[], monday: string): CoverDay[] {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const byDate = new Map<string, CoverItem[]>(dates.map((date) => [date, []]));
  for (const item of items) byDate.get(toLocalDateTime(item.meeting.startsAt, item.timezone).date)?.push(item);
  return dates
    .map((date) => ({
      date,
      items: [...(byDate.get(date) ?? [])].sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt)),
    }))
    .filter((day) => day.items.length > 0);
}

/** How soon, for the card: within the hour, in progress, or whole hours. */
export type Soonness = { kind: 'in-progress' } | { kind: 'soon' } | { kind: 'hours'; hours: number };

export function soonness(item: CoverItem): Soonness {
  if (item.hoursUntilStart < 0) return { kind: 'in-progress' };
  if (item.hoursUntilStart === 0) return { kind: 'soon' };
  return { kind: 'hours', hours: item.hoursUntilStart };
}
