import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** How often the bell asks for news while the page is visible and in use. */
export const POLL_MS = 60_000;

export function listNotifications(cursor: string | null): Promise<NotificationPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<NotificationPage>(`/me/notifications${query}`);
}

/**
 * Polled until the socket's `notification:new` is wired in with the live-room web work. TanStack
 * pauses the interval while the page is hidden; `poll` is off after a while without use, so an
 * open but forgotten page does not keep the session from timing out.
 */
export function notificationsQueryOptions(poll: boolean) {
  return infiniteQueryOptions({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam }) => listNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: poll ? POLL_MS : false,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: poll,
  });
}

export function useNotifications(poll: boolean) {
  return useInfiniteQuery(notificationsQueryOptions(poll));
}
