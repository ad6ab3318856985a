import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { onClientStateReset } from './client-state';
import { queryKeys } from './query-keys';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change by asking again; network and 5xx get one more try.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      // Results such as new recovery codes are forgotten as soon as no view shows them.
      mutations: { retry: false, gcTime: 0 },
    },
  });
}

/** The app's one client; loaders and components share it. */
export const queryClient = createQueryClient();

onClientStateReset(() => queryClient.clear());

// "Who am I" (whose observers must keep listening) and the public client config hold nothing personal.
const KEPT: readonly unknown[] = [queryKeys.me[0], queryKeys.clientConfig[0]];

/** Drops every cached answer about the person. */
export function forgetAllButMe(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => !KEPT.includes(query.queryKey[0]) });
}

/** After sign-out or an expired session: nothing cached, and "who am I" answers nobody. */
export function markSignedOut(client: QueryClient): void {
  forgetAllButMe(client);
  client.setQueryData(queryKeys.me, null);
}
