import { addDays, daysBetween, utcToZoned, zonedToUtc } from './zoned-time';

/**
 * Series are stored as local date + local time + zone + frequency + count/until, never as a UTC
 * instant plus "every 7 × 24 h": that would drift by an hour at each daylight-saving change.
 * Each occurrence is computed from its own local date, then turned into an instant.
 *
 * Pure functions with no runtime imports but zoned-time (the TZ spec loads them in bare node).
 */

export type Frequency = 'weekly' | 'biweekly';

export interface SeriesRule {
  startsOn: string;
  time: string;
  timezone: string;
  durationMinutes: number;
  frequency: Frequency;
  count: number | null;
  until: string | null;
}

export interface Occurrence {
  /** Position in the series, from 0. */
  index: number;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

/** A safety net far above what the DTOs allow (104 meetings, two years). */
const HARD_LIMIT = 1000;

export function stepDays(frequency: Frequency): number {
  return frequency === 'weekly' ? 7 : 14;
}

export function occurrenceAt(rule: SeriesRule, index: number): Occurrence {
  const localDate = addDays(rule.startsOn, index * stepDays(rule.frequency));
  const startsAt = zonedToUtc(localDate, rule.time, rule.timezone);
  return { index, localDate, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
}

/** Every occurrence of a series: `count` of them, or every one on or before `until`. */
export function occurrences(rule: SeriesRule): Occurrence[] {
  if (rule.count === null && rule.until === null) throw new Error('a series needs count or until');
  const result: Occurrence[] = [];
  for (let index = 0; index < HARD_LIMIT; index++) {
    if (rule.count !== null && index >= rule.count) break;
    const occurrence = occurrenceAt(rule, index);
    if (rule.until !== null && occurrence.localDate > rule.until) break;
    result.push(occurrence);
  }
  return result;
}

export interface FollowingSplit {
  /** The series before the edited occurrence; null when the edit starts at its first one. */
  before: SeriesRule | null;
  /** The series from the edited occurrence on; its occurrence `i` is the old occurrence `index + i`. */
  from: SeriesRule;
}

/**
 * Splits a series at occurrence `index` so that this occurrence starts at `newStart` and every
 * later one moves by the same number of days to the same new local time, each computed on the
 * wall clock again (so the rest keeps its local time across daylight-saving changes).
 */
export function splitFollowing(
  rule: SeriesRule,
  index: number,
  change: { newStart?: Date; durationMinutes?: number },
): FollowingSplit {
  const originalDate = addDays(rule.startsOn, index * stepDays(rule.frequency));
  const local = change.newStart ? utcToZoned(change.newStart, rule.timezone) : { date: originalDate, time: rule.time };
  const shift = daysBetween(originalDate, local.date);
  const before: SeriesRule | null =
    index === 0
      ? null
      : {
          ...rule,
          count: rule.count !== null ? index : null,
          until: rule.until !== null ? addDays(originalDate, -1) : null,
        };
  const from: SeriesRule = {
    ...rule,
    startsOn: local.date,
    time: local.time,
    durationMinutes: change.durationMinutes ?? rule.durationMinutes,
    count: rule.count !== null ? rule.count - index : null,
    until: rule.until !== null ? addDays(rule.until, shift) : null,
  };
  return { before, from };
}
