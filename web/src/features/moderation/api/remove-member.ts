import type { ModeratedMember, RemoveMemberDto } from '@tryg/shared';
import { postMemberAction, useMemberActionMutation } from './member-action-request';

/** Removes a member from the group; they leave the room at once and can be referred again later. */
export function removeMember(groupId: string, memberId: string, body: RemoveMemberDto): Promise<ModeratedMember> {
  return postMemberAction(groupId, memberId, 'remove', body);
}

export function useRemoveMember(groupId: string) {
  return useMemberActionMutation(groupId, ({ memberId, body }: { memberId: string; body: RemoveMemberDto }) =>
    removeMember(groupId, memberId, body),
  );
}
