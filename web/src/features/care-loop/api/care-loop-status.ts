import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CareLoopStatus } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

export const careLoopKey = (groupId: string) => ['care-loop', groupId] as const;

/** My switch in a group, and whether the coordinator who referred me can be told. */
export function getCareLoopStatus(groupId: string): Promise<CareLoopStatus> {
  return apiRequest<CareLoopStatus>(`/groups/${encodeURIComponent(groupId)}/membership/care-loop`);
}

export function careLoopQueryOptions(groupId: string) {
  return queryOptions({ queryKey: careLoopKey(groupId), queryFn: () => getCareLoopStatus(groupId) });
}

export function useCareLoopStatus(groupId: string) {
  return useQuery(careLoopQueryOptions(groupId));
}
