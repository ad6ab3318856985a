import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function leaveGroup(groupId: string): Promise<void> {
  return apiRequest<void>(`/groups/${encodeURIComponent(groupId)}/membership`, { method: 'DELETE' });
}

export function useLeaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveGroup,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
        queryClient.invalidateQueries({ queryKey: queryKeys.visibleGroups }),
      ]);
    },
  });
}
