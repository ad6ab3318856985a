import { queryOptions, useQuery } from '@tanstack/react-query';
import { SCHEDULING_LIMITS, type Meeting, type Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const DAY_MS = 24 * 3600 * 1000;
/** The API's default reach ahead, and how far "show later meetings" may go (one range spans ≤ 400 days). */
export const DEFAULT_AHEAD_DAYS = SCHEDULING_LIMITS.defaultListAfterMs / DAY_MS;
export const MAX_AHEAD_DAYS = SCHEDULING_LIMITS.maxListSpanDays - 10;

/** The group's meetings from yesterday to `aheadDays` from now (the API's own range when that is its default). */
export function listGroupMeetings(groupId: string, aheadDays = DEFAULT_AHEAD_DAYS): Promise<Page<Meeting>> {
  const base = `/groups/${encodeURIComponent(groupId)}/meetings`;
  if (aheadDays <= DEFAULT_AHEAD_DAYS) return apiRequest<Page<Meeting>>(base);
  const to = new Date(Date.now() + aheadDays * DAY_MS).toISOString();
  return apiRequest<Page<Meeting>>(`${base}?to=${encodeURIComponent(to)}`);
}

export function groupMeetingsQueryOptions(groupId: string, aheadDays = DEFAULT_AHEAD_DAYS) {
  return queryOptions({
    queryKey: [...queryKeys.groupMeetings(groupId), 'planning', aheadDays] as const,
    queryFn: () => listGroupMeetings(groupId, aheadDays),
  });
}

export function useGroupMeetings(groupId: string, aheadDays = DEFAULT_AHEAD_DAYS) {
  return useQuery(groupMeetingsQueryOptions(groupId, aheadDays));
}

/** Days ahead needed to show a meeting that starts at `startsAt` (at most MAX_AHEAD_DAYS). */
export function daysAheadFor(startsAt: string, now = Date.now()): number {
  return Math.min(MAX_AHEAD_DAYS, Math.max(DEFAULT_AHEAD_DAYS, Math.ceil((Date.parse(startsAt) - now) / DAY_MS) + 1));
}
