import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OwnReferral } from './list-referrals';

export function revokeReferral(referralId: string): Promise<OwnReferral> {
  return apiRequest<OwnReferral>(`/referrals/${encodeURIComponent(referralId)}/revoke`, { method: 'POST' });
}

/** The answer replaces the row in the cached list (no new list read, which the server would audit). */
export function useRevokeReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeReferral,
    onSuccess: (updated) => {
      queryClient.setQueryData<Page<OwnReferral>>(queryKeys.referrals, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
      );
    },
  });
}
