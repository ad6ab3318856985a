import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { groupPath } from './moderation-keys';

/** Everyone in the group by pseudonym (the shared key: intake and the desk refresh each other). */
export function listMembers(groupId: string): Promise<Page<Member>> {
  return apiRequest<Page<Member>>(`${groupPath(groupId)}/members`);
}

export function membersQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.members(groupId), queryFn: () => listMembers(groupId) });
}

export function useMembers(groupId: string) {
  return useQuery(membersQueryOptions(groupId));
}
