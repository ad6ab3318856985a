import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IncidentStats } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

export function getIncidentStats(): Promise<IncidentStats> {
  return apiRequest<IncidentStats>('/me/incidents/stats');
}

export function incidentStatsQueryOptions() {
  return queryOptions({ queryKey: incidentLogKeys.stats, queryFn: getIncidentStats });
}

/** The pattern view: per ISO week (Danish time) and per type of contact. */
export function useIncidentStats() {
  return useQuery(incidentStatsQueryOptions());
}
