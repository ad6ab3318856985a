import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModeratedMember } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { groupPath, moderationKeys } from './moderation-keys';

export type MemberAction = 'mute' | 'unmute' | 'remove' | 'ban';

/** `POST /groups/:id/members/:memberId/<action>`: the four actions on a member answer alike. */
export function postMemberAction(
  groupId: string,
  memberId: string,
  action: MemberAction,
  body: object,
): Promise<ModeratedMember> {
  return apiRequest<ModeratedMember>(`${groupPath(groupId)}/members/${encodeURIComponent(memberId)}/${action}`, {
    method: 'POST',
    body,
  });
}

/** After an action: the member list, the queues, the mutes and the log all change. */
export function useMemberActionMutation<Variables>(
  groupId: string,
  mutationFn: (variables: Variables) => Promise<ModeratedMember>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.members(groupId) }),
      ]);
    },
  });
}
