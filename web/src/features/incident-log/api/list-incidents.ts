import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { IncidentEntry, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { incidentLogKeys, type IncidentListFilters } from './incident-log-keys';

export function listIncidents(filters: IncidentListFilters, cursor: string | null): Promise<Page<IncidentEntry>> {
  const query = new URLSearchParams();
  if (filters.contactType) query.set('contactType', filters.contactType);
  if (filters.keyExample !== undefined) query.set('keyExample', String(filters.keyExample));
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return apiRequest<Page<IncidentEntry>>(`/me/incidents${text ? `?${text}` : ''}`);
}

export function incidentsQueryOptions(filters: IncidentListFilters) {
  return infiniteQueryOptions({
    queryKey: incidentLogKeys.list(filters),
    queryFn: ({ pageParam }) => listIncidents(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The log, newest first (by when it happened), 50 at a time. */
export function useIncidents(filters: IncidentListFilters) {
  return useInfiniteQuery(incidentsQueryOptions(filters));
}
