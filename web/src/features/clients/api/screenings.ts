import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateScreeningDto, Page, Screening } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { caseChanged } from './case-cache';
import { clientKeys } from './client-keys';

const screeningsPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}/screenings`;

export function listScreenings(clientId: string): Promise<Page<Screening>> {
  return apiRequest<Page<Screening>>(screeningsPath(clientId));
}

export function createScreening({
  clientId,
  body,
}: {
  clientId: string;
  body: CreateScreeningDto;
}): Promise<Screening> {
  return apiRequest<Screening>(screeningsPath(clientId), { method: 'POST', body });
}

/** Newest first: how the risk level has moved. */
export function useScreenings(clientId: string) {
  return useQuery({ queryKey: clientKeys.screenings(clientId), queryFn: () => listScreenings(clientId) });
}

export function useCreateScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScreening,
    onSuccess: async (_screening, { clientId }) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.screenings(clientId) });
      await caseChanged(queryClient, clientId);
    },
  });
}
