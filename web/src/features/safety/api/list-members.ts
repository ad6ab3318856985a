import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { groupPath } from './safety-keys';

/** The group's members by pseudonym (a participant sees approved members only). */
export function listMembers(groupId: string): Promise<Page<Member>> {
  return apiRequest<Page<Member>>(`${groupPath(groupId)}/members`);
}

export function membersQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.members(groupId), queryFn: () => listMembers(groupId) });
}

export function useMembers(groupId: string) {
  return useQuery(membersQueryOptions(groupId));
}
