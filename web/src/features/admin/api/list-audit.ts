import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What the admin narrows the history to: one kind of action, and days (`YYYY-MM-DD`, both inclusive). */
export interface AuditFilters {
  type: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { type: '', from: '', to: '' };

/** Midnight at the start of a local day, as an instant; `daysLater` moves it on (1: the end of that day). */
function startOfLocalDay(day: string, daysLater = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + daysLater).toISOString();
}

export function auditQueryString(filters: AuditFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.from) params.set('from', startOfLocalDay(filters.from));
  if (filters.to) params.set('to', startOfLocalDay(filters.to, 1));
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function listAudit(filters: AuditFilters, cursor: string | null): Promise<Page<AuditItem>> {
  return apiRequest<Page<AuditItem>>(`/admin/audit${auditQueryString(filters, cursor)}`);
}

export function auditQueryOptions(filters: AuditFilters = NO_AUDIT_FILTERS) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.audit, filters] as const,
    queryFn: ({ pageParam }) => listAudit(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
