import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, StaffItem } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The staff list (admin), shared with the staff page through its query key; here for its facilitators. */
export function listStaff(): Promise<Page<StaffItem>> {
  return apiRequest<Page<StaffItem>>('/admin/staff');
}

export function staffQueryOptions() {
  return queryOptions({ queryKey: queryKeys.staff, queryFn: listStaff });
}

export function useStaff() {
  return useQuery(staffQueryOptions());
}
