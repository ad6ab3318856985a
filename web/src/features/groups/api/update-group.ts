import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Group, UpdateGroupDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateGroup(groupId: string, body: UpdateGroupDto): Promise<Group> {
  return apiRequest<Group>(`/groups/${encodeURIComponent(groupId)}`, { method: 'PATCH', body });
}

export function useUpdateGroup(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGroupDto) => updateGroup(groupId, body),
    onSuccess: async (group) => {
      queryClient.setQueryData(queryKeys.groupDetail(groupId), group);
      await queryClient.invalidateQueries({ queryKey: queryKeys.visibleGroups, exact: true });
    },
  });
}
