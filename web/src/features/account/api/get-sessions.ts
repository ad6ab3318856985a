import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, SessionItem } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getSessions(): Promise<Page<SessionItem>> {
  return apiRequest<Page<SessionItem>>('/auth/sessions');
}

export function sessionsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.sessions, queryFn: getSessions, staleTime: 0 });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
