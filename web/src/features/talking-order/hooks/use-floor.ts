import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Floor } from '@tryg/shared';
import { queryKeys } from '../../../lib/query-keys';
import { acquireChatSocket, releaseChatSocket } from '../../../lib/socket-client';
import { useFloorQuery } from '../api/floor';

/**
 * The room's talking order, kept current: read once, then every `floor:update` the server sends
 * (already without anyone hidden from this member) replaces it. Null while the room is closed.
 */
export function useFloor(groupId: string): Floor | null {
  const queryClient = useQueryClient();
  const query = useFloorQuery(groupId);
  useEffect(() => {
    const socket = acquireChatSocket();
    const onUpdate = (floor: Floor) => {
      if (floor.groupId === groupId) queryClient.setQueryData(queryKeys.floor(groupId), floor);
    };
    // A reconnect may have missed updates: read the floor again.
    const onConnect = () => void queryClient.invalidateQueries({ queryKey: queryKeys.floor(groupId) });
    socket.on('floor:update', onUpdate);
    socket.on('connect', onConnect);
    return () => {
      socket.off('floor:update', onUpdate);
      socket.off('connect', onConnect);
      releaseChatSocket(socket);
    };
  }, [groupId, queryClient]);
  return query.data ?? null;
}
