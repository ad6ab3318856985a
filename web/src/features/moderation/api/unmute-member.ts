import type { ModeratedMember } from '@tryg/shared';
import { postMemberAction, useMemberActionMutation } from './member-action-request';

/** Ends a mute now. */
export function unmuteMember(groupId: string, memberId: string): Promise<ModeratedMember> {
  return postMemberAction(groupId, memberId, 'unmute', {});
}

export function useUnmuteMember(groupId: string) {
  return useMemberActionMutation(groupId, (memberId: string) => unmuteMember(groupId, memberId));
}
