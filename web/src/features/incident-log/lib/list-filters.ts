import type { IncidentContactType } from '@tryg/shared';
import type { IncidentListFilters } from '../api/incident-log-keys';
import { dateRangeQuery, isLocalDate, LOG_TIME_ZONE } from './log-time';

export interface FilterValues {
  contactType: IncidentContactType | '';
  /** `YYYY-MM-DD`, both days included, in Danish time. */
  from: string;
  to: string;
  keyOnly: boolean;
}

export const NO_FILTERS: FilterValues = { contactType: '', from: '', to: '', keyOnly: false };

export function isFiltered(filters: FilterValues): boolean {
  return filters.contactType !== '' || filters.from !== '' || filters.to !== '' || filters.keyOnly;
}

/** A "from" after the "to" matches nothing: it is pointed out rather than sent. */
export function isRangeInvalid(filters: FilterValues): boolean {
  return isLocalDate(filters.from) && isLocalDate(filters.to) && filters.from > filters.to;
}

/** The list request for what the person chose. */
export function listFiltersOf(filters: FilterValues, timeZone: string = LOG_TIME_ZONE): IncidentListFilters {
  const query: IncidentListFilters = {};
  if (filters.contactType !== '') query.contactType = filters.contactType;
  if (filters.keyOnly) query.keyExample = true;
  if (!isRangeInvalid(filters)) Object.assign(query, dateRangeQuery(filters.from, filters.to, timeZone));
  return query;
}
