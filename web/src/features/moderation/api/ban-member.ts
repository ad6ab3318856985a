import type { ModeratedMember, RemoveMemberDto } from '@tryg/shared';
import { postMemberAction, useMemberActionMutation } from './member-action-request';

/** Bans a member for good: they leave at once and cannot be referred to this group again. */
export function banMember(groupId: string, memberId: string, body: RemoveMemberDto): Promise<ModeratedMember> {
  return postMemberAction(groupId, memberId, 'ban', body);
}

export function useBanMember(groupId: string) {
  return useMemberActionMutation(groupId, ({ memberId, body }: { memberId: string; body: RemoveMemberDto }) =>
    banMember(groupId, memberId, body),
  );
}
