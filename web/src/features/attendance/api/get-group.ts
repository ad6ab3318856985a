import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The group's name, time zone and default places. */
export function getGroup(groupId: string): Promise<Group> {
  return apiRequest<Group>(`/groups/${encodeURIComponent(groupId)}`);
}

export function groupQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.groupDetail(groupId), queryFn: () => getGroup(groupId) });
}

export function useGroup(groupId: string) {
  return useQuery(groupQueryOptions(groupId));
}
