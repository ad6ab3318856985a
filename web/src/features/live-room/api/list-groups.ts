import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The groups I may see (for participants and facilitators: their own). */
export function listGroups(): Promise<Page<Group>> {
  return apiRequest<Page<Group>>('/groups');
}

export function groupsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.visibleGroups, queryFn: listGroups });
}

export function useGroups(enabled = true) {
  return useQuery({ ...groupsQueryOptions(), enabled });
}
