import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueueFilter, QueuePage, SafetyAlertItem } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { DESK_REFRESH_MS, groupPath, moderationKeys } from './moderation-keys';

/** The group's safety alerts, newest first, kept until a facilitator resolves them. */
export function listSafetyAlerts(groupId: string, status: QueueFilter): Promise<QueuePage<SafetyAlertItem>> {
  return apiRequest<QueuePage<SafetyAlertItem>>(`${groupPath(groupId)}/safety?status=${status}`);
}

export function safetyAlertsQueryOptions(groupId: string, status: QueueFilter) {
  return queryOptions({
    queryKey: moderationKeys.safety(groupId, status),
    queryFn: () => listSafetyAlerts(groupId, status),
    refetchInterval: DESK_REFRESH_MS,
  });
}

export function useSafetyAlerts(groupId: string, status: QueueFilter) {
  return useQuery(safetyAlertsQueryOptions(groupId, status));
}
