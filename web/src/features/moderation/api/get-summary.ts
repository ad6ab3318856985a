import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ModerationSummary } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { DESK_REFRESH_MS, groupPath, moderationKeys } from './moderation-keys';

/** What waits for the group's facilitators: open reports and alerts, held messages, running mutes. */
export function getSummary(groupId: string): Promise<ModerationSummary> {
  return apiRequest<ModerationSummary>(`${groupPath(groupId)}/moderation/summary`);
}

export function summaryQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: moderationKeys.summary(groupId),
    queryFn: () => getSummary(groupId),
    refetchInterval: DESK_REFRESH_MS,
  });
}

export function useSummary(groupId: string) {
  return useQuery(summaryQueryOptions(groupId));
}
