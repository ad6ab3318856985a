import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberNote, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/** The facilitators' private notes on one member, newest first (each read is audited). */
export function listMemberNotes(groupId: string, memberId: string): Promise<Page<MemberNote>> {
  return apiRequest<Page<MemberNote>>(`${groupPath(groupId)}/members/${encodeURIComponent(memberId)}/notes`);
}

export function memberNotesQueryOptions(groupId: string, memberId: string) {
  return queryOptions({
    queryKey: moderationKeys.notes(groupId, memberId),
    queryFn: () => listMemberNotes(groupId, memberId),
  });
}

export function useMemberNotes(groupId: string, memberId: string) {
  return useQuery(memberNotesQueryOptions(groupId, memberId));
}
