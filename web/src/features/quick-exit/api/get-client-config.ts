import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientConfigResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getClientConfig(): Promise<ClientConfigResponse> {
  return apiRequest<ClientConfigResponse>('/client-config', { expectUnauthenticated: true });
}

export function clientConfigQueryOptions() {
  return queryOptions({ queryKey: queryKeys.clientConfig, queryFn: getClientConfig, staleTime: Infinity });
}

export function useClientConfig() {
  return useQuery(clientConfigQueryOptions());
}
