import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, Referral } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A referral as its coordinator sees it; `keepApartMatch` marks one a safety check stopped. */
export type OwnReferral = Referral;

export function listReferrals(): Promise<Page<OwnReferral>> {
  return apiRequest<Page<OwnReferral>>('/referrals');
}

export function referralsQueryOptions() {
  // Each read of a client reference is audited on the server: no refetch on a timer or on focus.
  return queryOptions({ queryKey: queryKeys.referrals, queryFn: listReferrals });
}

export function useReferrals() {
  return useQuery(referralsQueryOptions());
}
