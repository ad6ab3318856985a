import type { Referral, ReferralStatus } from '@tryg/shared';

/** What the coordinator narrows the list to: one status and one group, or all ('' ). */
export interface ReferralFilters {
  status: ReferralStatus | '';
  groupId: string;
}

export const ALL_REFERRALS: ReferralFilters = { status: '', groupId: '' };

export function filterReferrals<T extends Pick<Referral, 'status' | 'groupId'>>(
  items: readonly T[],
  filters: ReferralFilters,
): T[] {
  return items.filter(
    (item) =>
      (filters.status === '' || item.status === filters.status) &&
      (filters.groupId === '' || item.groupId === filters.groupId),
  );
}
