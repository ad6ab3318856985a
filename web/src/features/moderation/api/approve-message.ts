import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Message } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/** Releases a held message to the group. */
export function approveMessage(groupId: string, messageId: string): Promise<Message> {
  return apiRequest<Message>(`${groupPath(groupId)}/messages/${encodeURIComponent(messageId)}/approve`, {
    method: 'POST',
  });
}

export function useApproveMessage(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => approveMessage(groupId, messageId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) }),
  });
}
