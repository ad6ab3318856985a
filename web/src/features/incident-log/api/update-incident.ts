import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IncidentEntry, UpdateIncidentDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

/** An edit appends a new version; the one before stays in the chain. */
export function updateIncident({ id, body }: { id: string; body: UpdateIncidentDto }): Promise<IncidentEntry> {
  return apiRequest<IncidentEntry>(`/me/incidents/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIncident,
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: incidentLogKeys.all });
      queryClient.setQueryData(incidentLogKeys.entry(entry.id), entry);
    },
  });
}
