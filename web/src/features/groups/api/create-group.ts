import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateGroupDto, Group } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createGroup(body: CreateGroupDto): Promise<Group> {
  return apiRequest<Group>('/groups', { method: 'POST', body });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.visibleGroups }),
  });
}
