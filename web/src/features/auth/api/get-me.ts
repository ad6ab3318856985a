import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@tryg/shared';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The signed-in account, or null when nobody is signed in (a 401 is the expected answer then). */
export async function getMe(): Promise<MeResponse | null> {
  try {
    return await apiRequest<MeResponse>('/auth/me', { expectUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
