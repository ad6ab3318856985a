import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OwnMembership } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { careLoopKey } from './care-loop-status';

/** The member's own consent, on their membership (`PATCH /groups/:id/membership { careLoop }`). */
export function setCareLoop(groupId: string, careLoop: boolean): Promise<OwnMembership> {
  return apiRequest<OwnMembership>(`/groups/${encodeURIComponent(groupId)}/membership`, {
    method: 'PATCH',
    body: { careLoop },
  });
}

export function useSetCareLoop(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (careLoop: boolean) => setCareLoop(groupId, careLoop),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: careLoopKey(groupId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]),
  });
}
