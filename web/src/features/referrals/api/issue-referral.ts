import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReferralDto, Page, ReferralCreated } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OwnReferral } from './list-referrals';

export interface IssuedReferral extends ReferralCreated {
  referral: OwnReferral;
}

export function issueReferral(body: CreateReferralDto): Promise<IssuedReferral> {
  return apiRequest<IssuedReferral>('/referrals', { method: 'POST', body });
}

/**
 * The code lives only in this mutation's state (never in the query cache) and vanishes with the
 * view. The new referral joins the cached list directly: every list read is audited on the server.
 */
export function useIssueReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueReferral,
    onSuccess: ({ referral }) => {
      queryClient.setQueryData<Page<OwnReferral>>(queryKeys.referrals, (page) =>
        page ? { ...page, items: [referral, ...page.items.filter((item) => item.id !== referral.id)] } : page,
      );
    },
  });
}
