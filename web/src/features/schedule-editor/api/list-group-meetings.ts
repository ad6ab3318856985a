import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Meeting, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The group's meetings in the API's default range (yesterday … 90 days ahead). */
export function listGroupMeetings(groupId: string): Promise<Page<Meeting>> {
  return apiRequest<Page<Meeting>>(`/groups/${encodeURIComponent(groupId)}/meetings`);
}

export function groupMeetingsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...queryKeys.groupMeetings(groupId), 'upcoming'] as const,
    queryFn: () => listGroupMeetings(groupId),
  });
}

export function useGroupMeetings(groupId: string) {
  return useQuery(groupMeetingsQueryOptions(groupId));
}
