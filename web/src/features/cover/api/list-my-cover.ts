import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CoverItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { COVER_DAYS, coverKeys } from './cover-keys';

/** The meetings I have taken. */
export function listMyCover(): Promise<Page<CoverItem>> {
  return apiRequest<Page<CoverItem>>(`/me/cover?days=${COVER_DAYS}`);
}

export function myCoverQueryOptions() {
  return queryOptions({ queryKey: coverKeys.mine, queryFn: listMyCover });
}

export function useMyCover() {
  return useQuery(myCoverQueryOptions());
}
