import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientCase } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { clientKeys } from './client-keys';

export function getClient(clientId: string): Promise<ClientCase> {
  return apiRequest<ClientCase>(`/clients/${encodeURIComponent(clientId)}`);
}

export function clientQueryOptions(clientId: string) {
  return queryOptions({ queryKey: clientKeys.case(clientId), queryFn: () => getClient(clientId) });
}

export function useClient(clientId: string) {
  return useQuery(clientQueryOptions(clientId));
}
