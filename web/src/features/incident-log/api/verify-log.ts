import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IncidentVerification } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

export function verifyLog(): Promise<IncidentVerification> {
  return apiRequest<IncidentVerification>('/me/incidents/verify');
}

/** Checked afresh on every visit: the answer is about what is in the database right now. */
export function verifyQueryOptions() {
  return queryOptions({ queryKey: incidentLogKeys.verify, queryFn: verifyLog, staleTime: 0 });
}

export function useVerifyLog() {
  return useQuery(verifyQueryOptions());
}
