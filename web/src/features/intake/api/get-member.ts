import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

export function getMember(groupId: string, memberId: string): Promise<MemberDetail> {
  return apiRequest<MemberDetail>(`/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(memberId)}`);
}

/**
 * One person with the coordinator's note. Every read of a note is audited on the server, so it
 * is read once per view: never again in the background, and forgotten when the view closes.
 * Its key lies outside the members list's, so refreshing the list never reads the note again.
 */
export function memberDetailQueryOptions(groupId: string, memberId: string) {
  return queryOptions({
    queryKey: ['member-detail', groupId, memberId] as const,
    queryFn: () => getMember(groupId, memberId),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function useMemberDetail(groupId: string, memberId: string) {
  return useQuery(memberDetailQueryOptions(groupId, memberId));
}
