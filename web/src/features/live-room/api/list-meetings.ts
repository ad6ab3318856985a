import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Meeting, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The group's meetings from yesterday to 90 days ahead (the API's default range). */
export function listMeetings(groupId: string): Promise<Page<Meeting>> {
  return apiRequest<Page<Meeting>>(`/groups/${encodeURIComponent(groupId)}/meetings`);
}

export function meetingsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...queryKeys.groupMeetings(groupId), 'room'] as const,
    queryFn: () => listMeetings(groupId),
  });
}

/** Only asked while the room is closed, to say when it opens. */
export function useMeetings(groupId: string, enabled: boolean) {
  return useQuery({ ...meetingsQueryOptions(groupId), enabled });
}
