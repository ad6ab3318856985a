import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WatchedWord, WatchedWordsResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

/** `GET /admin/watched-words`: the words every group watches. */
export function getAdminWatchedWords(): Promise<WatchedWordsResponse> {
  return apiRequest<WatchedWordsResponse>('/admin/watched-words');
}

/** `PUT /admin/watched-words`: replaces the list. */
export function replaceAdminWatchedWords(words: WatchedWord[]): Promise<WatchedWordsResponse> {
  return apiRequest<WatchedWordsResponse>('/admin/watched-words', { method: 'PUT', body: { words } });
}

export function adminWatchedWordsQueryOptions() {
  return queryOptions({ queryKey: moderationKeys.adminWatchedWords, queryFn: getAdminWatchedWords });
}

export function useAdminWatchedWords() {
  return useQuery(adminWatchedWordsQueryOptions());
}

export function useReplaceAdminWatchedWords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceAdminWatchedWords,
    onSuccess: (answer) => queryClient.setQueryData(moderationKeys.adminWatchedWords, answer),
  });
}
