import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateScheduleDto, ScheduleCreated } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createSchedule(groupId: string, body: CreateScheduleDto): Promise<ScheduleCreated> {
  return apiRequest<ScheduleCreated>(`/groups/${encodeURIComponent(groupId)}/schedules`, { method: 'POST', body });
}

export function useCreateSchedule(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScheduleDto) => createSchedule(groupId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupMeetings(groupId) }),
  });
}
