import { utcToZoned } from '../scheduling/zoned-time';

/** Case work is municipal: "today", due dates and review dates are Danish dates. */
export const CASE_TIME_ZONE = 'Europe/Copenhagen';

export function caseToday(now: Date): string {
  return utcToZoned(now, CASE_TIME_ZONE).date;
}
