import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttendanceRecord } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function setAttendance(meetingId: string, memberId: string, present: boolean): Promise<AttendanceRecord> {
  return apiRequest<AttendanceRecord>(
    `/meetings/${encodeURIComponent(meetingId)}/attendance/${encodeURIComponent(memberId)}`,
    { method: 'PUT', body: { present } },
  );
}

export function useSetAttendance(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, memberId, present }: { meetingId: string; memberId: string; present: boolean }) =>
      setAttendance(meetingId, memberId, present),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupAttendance(groupId) }),
  });
}
