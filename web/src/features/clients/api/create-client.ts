import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientCase, CreateClientDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { caseChanged } from './case-cache';

export function createClient(body: CreateClientDto): Promise<ClientCase> {
  return apiRequest<ClientCase>('/clients', { method: 'POST', body });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    onSuccess: (created) => caseChanged(queryClient, created.id, created),
  });
}
