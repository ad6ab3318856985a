import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberNote } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/** Adds a private note on a member (encrypted at rest; only the group's facilitators read it). */
export function addMemberNote(groupId: string, memberId: string, body: string): Promise<MemberNote> {
  return apiRequest<MemberNote>(`${groupPath(groupId)}/members/${encodeURIComponent(memberId)}/notes`, {
    method: 'POST',
    body: { body },
  });
}

export function useAddMemberNote(groupId: string, memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addMemberNote(groupId, memberId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.notes(groupId, memberId) }),
  });
}
