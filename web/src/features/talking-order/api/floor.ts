import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Floor, RoundKind } from '@tryg/shared';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const path = (groupId: string, rest: string) => `/groups/${encodeURIComponent(groupId)}${rest}`;

/** The floor, or null while the room is closed (every floor route answers 409 ROOM_CLOSED then). */
export async function getFloor(groupId: string): Promise<Floor | null> {
  try {
    return await apiRequest<Floor>(path(groupId, '/floor'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ROOM_CLOSED') return null;
    throw error;
  }
}

export function floorQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.floor(groupId), queryFn: () => getFloor(groupId) });
}

export function useFloorQuery(groupId: string) {
  return useQuery(floorQueryOptions(groupId));
}

export interface RoundOptions {
  kind: RoundKind;
  quiet: boolean;
  turnSeconds: number | null;
}

/** Every floor action answers with the floor as it is now: the cache takes it at once. */
export function useFloorActions(groupId: string) {
  const queryClient = useQueryClient();
  const settle = (floor: Floor | void) => {
    if (floor) queryClient.setQueryData(queryKeys.floor(groupId), floor);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.floor(groupId) });
  };
  const post = (rest: string, body?: unknown) =>
    apiRequest<Floor>(path(groupId, rest), { method: 'POST', body: body ?? {} });
  return {
    hand: useMutation({ mutationFn: (raised: boolean) => post('/floor/hand', { raised }), onSuccess: settle }),
    give: useMutation({
      mutationFn: (memberId?: string) => post('/floor/give', memberId ? { memberId } : {}),
      onSuccess: settle,
    }),
    done: useMutation({ mutationFn: () => post('/floor/done'), onSuccess: settle }),
    startRound: useMutation({
      mutationFn: (options: RoundOptions) =>
        post('/rounds', {
          kind: options.kind,
          quiet: options.quiet,
          ...(options.turnSeconds ? { turnSeconds: options.turnSeconds } : {}),
        }),
      onSuccess: settle,
    }),
    endRound: useMutation({
      mutationFn: () => apiRequest<void>(path(groupId, '/rounds/current'), { method: 'DELETE' }),
      onSuccess: () => settle(),
    }),
  };
}
