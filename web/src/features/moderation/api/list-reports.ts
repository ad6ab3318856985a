import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueueFilter, QueuePage, Report } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { DESK_REFRESH_MS, groupPath, moderationKeys } from './moderation-keys';

/** The group's reports, newest first, with how many are still open. The reporter is never named. */
export function listReports(groupId: string, status: QueueFilter): Promise<QueuePage<Report>> {
  return apiRequest<QueuePage<Report>>(`${groupPath(groupId)}/reports?status=${status}`);
}

export function reportsQueryOptions(groupId: string, status: QueueFilter) {
  return queryOptions({
    queryKey: moderationKeys.reports(groupId, status),
    queryFn: () => listReports(groupId, status),
    refetchInterval: DESK_REFRESH_MS,
  });
}

export function useReports(groupId: string, status: QueueFilter) {
  return useQuery(reportsQueryOptions(groupId, status));
}
