import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ModerationLogItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/** The group's moderation log, newest first, page by page. */
export function listModerationLog(groupId: string, cursor: string | null): Promise<Page<ModerationLogItem>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<ModerationLogItem>>(`${groupPath(groupId)}/moderation-log${query}`);
}

export function moderationLogQueryOptions(groupId: string) {
  return infiniteQueryOptions({
    queryKey: moderationKeys.log(groupId),
    queryFn: ({ pageParam }) => listModerationLog(groupId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useModerationLog(groupId: string) {
  return useInfiniteQuery(moderationLogQueryOptions(groupId));
}
