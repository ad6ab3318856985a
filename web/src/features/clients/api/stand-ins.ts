import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientCase } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { caseChanged } from './case-cache';

interface StandInRequest {
  clientId: string;
  accountId: string;
}

export function addStandIn({ clientId, accountId }: StandInRequest): Promise<ClientCase> {
  return apiRequest<ClientCase>(`/clients/${encodeURIComponent(clientId)}/coordinators`, {
    method: 'POST',
    body: { accountId },
  });
}

export function removeStandIn({ clientId, accountId }: StandInRequest): Promise<void> {
  return apiRequest<void>(`/clients/${encodeURIComponent(clientId)}/coordinators/${encodeURIComponent(accountId)}`, {
    method: 'DELETE',
  });
}

export function useAddStandIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addStandIn, onSuccess: (updated) => caseChanged(queryClient, updated.id, updated) });
}

export function useRemoveStandIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeStandIn, onSuccess: (_, { clientId }) => caseChanged(queryClient, clientId) });
}
