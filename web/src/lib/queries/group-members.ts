import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member, Page } from '@tryg/shared';
import { apiRequest } from '../api-client';
import { queryKeys } from '../query-keys';

/** The group's members by pseudonym (a participant sees approved members only, and nobody hidden from them). */
export function listGroupMembers(groupId: string): Promise<Page<Member>> {
  return apiRequest<Page<Member>>(`/groups/${encodeURIComponent(groupId)}/members`);
}

export function groupMembersQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.members(groupId), queryFn: () => listGroupMembers(groupId) });
}

/** Shared by every feature that shows members by name (one request, one cache entry per group). */
export function useGroupMembers(groupId: string) {
  return useQuery(groupMembersQueryOptions(groupId));
}
