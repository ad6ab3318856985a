import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/**
 * A facilitator removes someone's message with a reason: members see "removed by a facilitator";
 * the text and the reason stay visible to the group's facilitators.
 */
export function removeMessage(groupId: string, messageId: string, reason: string): Promise<void> {
  return apiRequest<void>(`${groupPath(groupId)}/messages/${encodeURIComponent(messageId)}`, {
    method: 'DELETE',
    body: { reason },
  });
}

export function useRemoveMessage(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) =>
      removeMessage(groupId, messageId, reason),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) }),
  });
}
