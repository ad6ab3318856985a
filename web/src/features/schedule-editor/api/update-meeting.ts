import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, UpdateMeetingDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateMeeting(meetingId: string, body: UpdateMeetingDto): Promise<Meeting> {
  return apiRequest<Meeting>(`/meetings/${encodeURIComponent(meetingId)}`, { method: 'PATCH', body });
}

/** Move, cancel or restore; with scope "following" the rest of the series changes too, so reload them all. */
export function useUpdateMeeting(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: UpdateMeetingDto }) => updateMeeting(meetingId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupMeetings(groupId) }),
  });
}
