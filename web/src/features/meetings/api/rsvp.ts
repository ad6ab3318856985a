import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RsvpDto, RsvpResult } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function rsvp(meetingId: string, body: RsvpDto): Promise<RsvpResult> {
  return apiRequest<RsvpResult>(`/meetings/${encodeURIComponent(meetingId)}/rsvp`, { method: 'PUT', body });
}

export function useRsvp(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, response }: { meetingId: string; response: RsvpDto['response'] }) =>
      rsvp(meetingId, { response }),
    // Places and the line move for everyone: read the group's meetings again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupMeetings(groupId) }),
  });
}
