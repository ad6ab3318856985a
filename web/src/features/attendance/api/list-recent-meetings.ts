import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Meeting, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const DAY_MS = 24 * 3600 * 1000;
/** How far back attendance can be recorded from this page. */
export const RECENT_DAYS = 90;

/** Meetings from `RECENT_DAYS` before `day` (a UTC midnight) to the day after: the ones to mark. */
export function listRecentMeetings(groupId: string, day: number): Promise<Page<Meeting>> {
  const from = new Date(day - RECENT_DAYS * DAY_MS).toISOString();
  const to = new Date(day + 2 * DAY_MS).toISOString();
  return apiRequest<Page<Meeting>>(
    `/groups/${encodeURIComponent(groupId)}/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
}

export function recentMeetingsQueryOptions(groupId: string, now: Date) {
  // Rounded to the day, so the key (and the answer) stays the same all day.
  const day = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return queryOptions({
    queryKey: [...queryKeys.groupMeetings(groupId), 'recent', day] as const,
    queryFn: () => listRecentMeetings(groupId, day),
  });
}

export function useRecentMeetings(groupId: string, now: Date) {
  return useQuery(recentMeetingsQueryOptions(groupId, now));
}
