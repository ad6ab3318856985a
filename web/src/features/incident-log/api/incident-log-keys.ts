import type { IncidentContactType } from '@tryg/shared';

export interface IncidentListFilters {
  contactType?: IncidentContactType;
  keyExample?: boolean;
  /** ISO instants (see dateRangeQuery). */
  from?: string;
  to?: string;
}

/** This feature's cache keys; one root, so every write can refresh the whole log at once. */
export const incidentLogKeys = {
  all: ['incident-log'] as const,
  list: (filters: IncidentListFilters) => ['incident-log', 'list', filters] as const,
  entry: (id: string) => ['incident-log', 'entry', id] as const,
  stats: ['incident-log', 'stats'] as const,
  verify: ['incident-log', 'verify'] as const,
};
