import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingAttendanceItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What is recorded for one meeting so far: presence seen in the room, and the facilitators' own marks. */
export function listMeetingAttendance(meetingId: string): Promise<Page<MeetingAttendanceItem>> {
  return apiRequest<Page<MeetingAttendanceItem>>(`/meetings/${encodeURIComponent(meetingId)}/attendance`);
}

export function meetingAttendanceQueryOptions(groupId: string, meetingId: string, running: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.groupAttendance(groupId), 'meeting', meetingId] as const,
    queryFn: () => listMeetingAttendance(meetingId),
    // While the meeting runs, people come into the room: look again now and then.
    refetchInterval: running ? 20_000 : false,
  });
}

export function useMeetingAttendance(groupId: string, meetingId: string, running: boolean) {
  return useQuery(meetingAttendanceQueryOptions(groupId, meetingId, running));
}
