import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CoverItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { COVER_DAYS, coverKeys } from './cover-keys';

/** Meetings nobody covers: a facilitator's groups, or every group for an admin. */
export function listCoverGaps(): Promise<Page<CoverItem>> {
  return apiRequest<Page<CoverItem>>(`/cover-gaps?days=${COVER_DAYS}`);
}

export function coverGapsQueryOptions() {
  return queryOptions({ queryKey: coverKeys.gaps, queryFn: listCoverGaps });
}

export function useCoverGaps() {
  return useQuery(coverGapsQueryOptions());
}
