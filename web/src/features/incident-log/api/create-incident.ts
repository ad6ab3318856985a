import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateIncidentDto, IncidentEntry } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

export function createIncident(body: CreateIncidentDto): Promise<IncidentEntry> {
  return apiRequest<IncidentEntry>('/me/incidents', { method: 'POST', body });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIncident,
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: incidentLogKeys.all });
      queryClient.setQueryData(incidentLogKeys.entry(entry.id), entry);
    },
  });
}
