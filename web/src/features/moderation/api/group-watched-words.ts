import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupWatchedWordsResponse, WatchedWord } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/** `GET /groups/:id/watched-words`: the group's own words and the admin's list they add to. */
export function getGroupWatchedWords(groupId: string): Promise<GroupWatchedWordsResponse> {
  return apiRequest<GroupWatchedWordsResponse>(`${groupPath(groupId)}/watched-words`);
}

/** `PUT /groups/:id/watched-words`: replaces the group's own words. */
export function replaceGroupWatchedWords(groupId: string, words: WatchedWord[]): Promise<GroupWatchedWordsResponse> {
  return apiRequest<GroupWatchedWordsResponse>(`${groupPath(groupId)}/watched-words`, {
    method: 'PUT',
    body: { words },
  });
}

export function groupWatchedWordsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: moderationKeys.watchedWords(groupId),
    queryFn: () => getGroupWatchedWords(groupId),
  });
}

export function useGroupWatchedWords(groupId: string) {
  return useQuery(groupWatchedWordsQueryOptions(groupId));
}

export function useReplaceGroupWatchedWords(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (words: WatchedWord[]) => replaceGroupWatchedWords(groupId, words),
    onSuccess: (answer) => queryClient.setQueryData(moderationKeys.watchedWords(groupId), answer),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.log(groupId) }),
  });
}
