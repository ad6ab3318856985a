import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IgnoredMembers } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, safetyKeys } from './safety-keys';

/** `GET /groups/:id/membership/ignored`: the members whose messages I hide for myself. */
export function getIgnored(groupId: string): Promise<IgnoredMembers> {
  return apiRequest<IgnoredMembers>(`${groupPath(groupId)}/membership/ignored`);
}

/** `PUT /groups/:id/membership/ignored`: replaces that list (they are never told). */
export function replaceIgnored(groupId: string, memberIds: string[]): Promise<IgnoredMembers> {
  return apiRequest<IgnoredMembers>(`${groupPath(groupId)}/membership/ignored`, {
    method: 'PUT',
    body: { memberIds },
  });
}

export function ignoredQueryOptions(groupId: string) {
  return queryOptions({ queryKey: safetyKeys.ignored(groupId), queryFn: () => getIgnored(groupId) });
}

export function useIgnored(groupId: string, enabled = true) {
  return useQuery({ ...ignoredQueryOptions(groupId), enabled });
}

export function useReplaceIgnored(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberIds: string[]) => replaceIgnored(groupId, memberIds),
    onSuccess: (answer) => queryClient.setQueryData(safetyKeys.ignored(groupId), answer),
  });
}
