import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingDto, Meeting } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createMeeting(groupId: string, body: CreateMeetingDto): Promise<Meeting> {
  return apiRequest<Meeting>(`/groups/${encodeURIComponent(groupId)}/meetings`, { method: 'POST', body });
}

export function useCreateMeeting(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingDto) => createMeeting(groupId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupMeetings(groupId) }),
  });
}
