import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AttendanceItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Each approved member's recent attendance (the group's facilitators only). */
export function listAttendance(groupId: string): Promise<Page<AttendanceItem>> {
  return apiRequest<Page<AttendanceItem>>(`/groups/${encodeURIComponent(groupId)}/attendance`);
}

export function attendanceQueryOptions(groupId: string) {
  return queryOptions({ queryKey: queryKeys.groupAttendance(groupId), queryFn: () => listAttendance(groupId) });
}

export function useAttendance(groupId: string) {
  return useQuery(attendanceQueryOptions(groupId));
}
