import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function listAudit(cursor: string | null): Promise<Page<AuditItem>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<AuditItem>>(`/admin/audit${query}`);
}

export function auditQueryOptions() {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit,
    queryFn: ({ pageParam }) => listAudit(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAudit() {
  return useInfiniteQuery(auditQueryOptions());
}
