import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientCase, UpdateClientDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { caseChanged } from './case-cache';

export function updateClient({ clientId, body }: { clientId: string; body: UpdateClientDto }): Promise<ClientCase> {
  return apiRequest<ClientCase>(`/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body });
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClient,
    onSuccess: (updated) => caseChanged(queryClient, updated.id, updated),
  });
}
