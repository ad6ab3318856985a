import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoomState, UpdateRoomDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath, moderationKeys } from './moderation-keys';

/**
 * `PATCH /groups/:id/room`: lock, slow mode, pinned rules. The API has no GET for the room state
 * outside the socket; a PATCH that changes nothing writes nothing and answers the current state,
 * so the desk reads the state that way.
 */
export function updateRoom(groupId: string, body: UpdateRoomDto): Promise<RoomState> {
  return apiRequest<RoomState>(`${groupPath(groupId)}/room`, { method: 'PATCH', body });
}

export function roomSettingsQueryOptions(groupId: string) {
  return queryOptions({ queryKey: moderationKeys.room(groupId), queryFn: () => updateRoom(groupId, {}) });
}

export function useRoomSettings(groupId: string) {
  return useQuery(roomSettingsQueryOptions(groupId));
}

export function useUpdateRoom(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRoomDto) => updateRoom(groupId, body),
    onSuccess: (state) => queryClient.setQueryData(moderationKeys.room(groupId), state),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.log(groupId) }),
  });
}
