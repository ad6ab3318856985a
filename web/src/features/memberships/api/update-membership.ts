import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OwnMembership, UpdateMembershipDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateMembership(groupId: string, body: UpdateMembershipDto): Promise<OwnMembership> {
  return apiRequest<OwnMembership>(`/groups/${encodeURIComponent(groupId)}/membership`, { method: 'PATCH', body });
}

/** Memberships come with "who am I", so that is asked again after a change. */
export function useUpdateMembership(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMembershipDto) => updateMembership(groupId, body),
    // Read again whatever the answer: a change can be saved although its answer was lost on the way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
