import { queryOptions, useQueries } from '@tanstack/react-query';
import type { Meeting, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A group's meetings in the API's default range (yesterday … 90 days ahead). */
export function listGroupMeetings(groupId: string): Promise<Page<Meeting>> {
  return apiRequest<Page<Meeting>>(`/groups/${encodeURIComponent(groupId)}/meetings`);
}

export function groupMeetingsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...queryKeys.groupMeetings(groupId), 'upcoming'] as const,
    queryFn: () => listGroupMeetings(groupId),
  });
}

/** The meetings of several groups at once, for an agenda across them. */
export function useMeetingsOfGroups(groupIds: readonly string[]) {
  return useQueries({ queries: groupIds.map((id) => groupMeetingsQueryOptions(id)) });
}
