import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A participant's own groups (pending or approved): their names for "my groups". */
export function listGroups(): Promise<Page<Group>> {
  return apiRequest<Page<Group>>('/groups');
}

export function groupsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.visibleGroups, queryFn: listGroups });
}

export function useGroups() {
  return useQuery(groupsQueryOptions());
}
