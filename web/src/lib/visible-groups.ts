import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group, Page } from '@tryg/shared';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/**
 * `GET /groups`: the groups the signed-in person may see (participants and facilitators: their
 * own). One query the app shell and features share, under `queryKeys.visibleGroups`.
 */
export function visibleGroupsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.visibleGroups,
    queryFn: () => apiRequest<Page<Group>>('/groups'),
  });
}

export function useVisibleGroups(enabled = true) {
  return useQuery({ ...visibleGroupsQueryOptions(), enabled });
}
