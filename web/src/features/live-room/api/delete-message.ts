import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The author deletes their own message: the body is erased for everyone, a tombstone stays. */
export function deleteMessage(groupId: string, messageId: string): Promise<void> {
  return apiRequest<void>(`/groups/${encodeURIComponent(groupId)}/messages/${encodeURIComponent(messageId)}`, {
    method: 'DELETE',
  });
}

export function useDeleteMessage(groupId: string) {
  return useMutation({ mutationFn: (messageId: string) => deleteMessage(groupId, messageId) });
}
