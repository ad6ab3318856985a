import type { ModeratedMember, MuteMemberDto } from '@tryg/shared';
import { postMemberAction, useMemberActionMutation } from './member-action-request';

/** Mutes a member for 1–10080 minutes; they stay in the room and are told until when. */
export function muteMember(groupId: string, memberId: string, body: MuteMemberDto): Promise<ModeratedMember> {
  return postMemberAction(groupId, memberId, 'mute', body);
}

export function useMuteMember(groupId: string) {
  return useMemberActionMutation(groupId, ({ memberId, body }: { memberId: string; body: MuteMemberDto }) =>
    muteMember(groupId, memberId, body),
  );
}
