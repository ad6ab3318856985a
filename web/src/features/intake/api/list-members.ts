import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** For the group's facilitators: everyone who ever asked to join, by pseudonym. */
export function listMembers(groupId: string): Promise<Page<Member>> {
  return apiRequest<Page<Member>>(`/groups/${encodeURIComponent(groupId)}/members`);
}

export function membersQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.members(groupId), queryFn: () => listMembers(groupId) });
}

export function useMembers(groupId: string) {
  return useQuery(membersQueryOptions(groupId));
}
