import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IncidentEntry } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

export function getIncident(id: string): Promise<IncidentEntry> {
  return apiRequest<IncidentEntry>(`/me/incidents/${encodeURIComponent(id)}`);
}

export function incidentQueryOptions(id: string) {
  return queryOptions({ queryKey: incidentLogKeys.entry(id), queryFn: () => getIncident(id) });
}

export function useIncident(id: string) {
  return useQuery(incidentQueryOptions(id));
}
