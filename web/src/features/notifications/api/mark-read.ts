import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The given notifications, or all of them without ids. */
export function markRead(body: MarkNotificationsReadDto): Promise<void> {
  return apiRequest<void>('/me/notifications/read', { method: 'POST', body });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
