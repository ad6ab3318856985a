import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientCase, ClientStatus, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { clientKeys } from './client-keys';

export function listClients(status: ClientStatus | 'all'): Promise<Page<ClientCase>> {
  return apiRequest<Page<ClientCase>>(status === 'all' ? '/clients' : `/clients?status=${status}`);
}

/** What needs attention first (the server's order). Each read is audited: no refetch on a timer. */
export function clientsQueryOptions(status: ClientStatus | 'all') {
  return queryOptions({ queryKey: clientKeys.list(status), queryFn: () => listClients(status) });
}

export function useClients(status: ClientStatus | 'all') {
  return useQuery(clientsQueryOptions(status));
}
