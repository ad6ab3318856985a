import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RedeemDto, RedeemResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { currentLocale, rememberChoiceBeforeSignIn } from '../../../lib/i18n/i18n';
import { forgetAllButMe } from '../../../lib/query-client';
import { queryKeys } from '../../../lib/query-keys';

export function redeem(body: RedeemDto): Promise<RedeemResponse> {
  return apiRequest<RedeemResponse>('/auth/redeem', { method: 'POST', body });
}

/**
 * Redeem a code. A new person is signed in by the answer's cookie: the language they used to
 * sign up becomes their account's, and "who am I" is asked again. The recovery codes stay in
 * this mutation's result only (never in the query cache).
 */
export function useRedeem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeem,
    onSuccess: async (_answer, body) => {
      const newPerson = body.login !== undefined;
      if (newPerson) {
        forgetAllButMe(queryClient);
        rememberChoiceBeforeSignIn(currentLocale());
      } else {
        await queryClient.invalidateQueries({ queryKey: queryKeys.visibleGroups });
      }
      // The app's "who am I" observer is active on every page, so this asks the server again.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
