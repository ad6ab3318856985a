import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

/** Erases the entry's text and files; the chain keeps only their fingerprints. */
export function deleteIncident(id: string): Promise<void> {
  return apiRequest<void>(`/me/incidents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteIncident,
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: incidentLogKeys.entry(id) });
      await queryClient.invalidateQueries({ queryKey: incidentLogKeys.all });
    },
  });
}
