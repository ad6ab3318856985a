import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function approveMember(groupId: string, memberId: string): Promise<Member> {
  return apiRequest<Member>(`/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(memberId)}/approve`, {
    method: 'POST',
  });
}

export function useApproveMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => approveMember(groupId, memberId),
    onSuccess: async (member) => {
      // The decision shows at once; the list is then asked again (someone else may have decided too).
      queryClient.setQueryData<Page<Member>>(queryKeys.members(groupId), (page) =>
        page ? { ...page, items: page.items.map((item) => (item.memberId === member.memberId ? member : item)) } : page,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(groupId) });
    },
  });
}
