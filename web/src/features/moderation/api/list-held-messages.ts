import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Message, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { DESK_REFRESH_MS, groupPath, moderationKeys } from './moderation-keys';

/** Messages kept back by a watched word, waiting for a facilitator (oldest first). */
export function listHeldMessages(groupId: string): Promise<Page<Message>> {
  return apiRequest<Page<Message>>(`${groupPath(groupId)}/messages?status=held&limit=100`);
}

export function heldMessagesQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: moderationKeys.held(groupId),
    queryFn: () => listHeldMessages(groupId),
    refetchInterval: DESK_REFRESH_MS,
  });
}

export function useHeldMessages(groupId: string) {
  return useQuery(heldMessagesQueryOptions(groupId));
}
