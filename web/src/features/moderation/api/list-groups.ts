import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The groups a facilitator runs (GET /groups answers only those). */
export function listGroups(): Promise<Page<Group>> {
  return apiRequest<Page<Group>>('/groups');
}

export function groupsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.visibleGroups, queryFn: listGroups });
}

export function useGroups() {
  return useQuery(groupsQueryOptions());
}
