import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale, MeResponse, UpdateMeDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateLocale(locale: Locale): Promise<MeResponse> {
  const body: UpdateMeDto = { locale };
  return apiRequest<MeResponse>('/auth/me', { method: 'PATCH', body });
}

/** Remembers the language on the account, so every device opens in it after sign-in. */
export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLocale,
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}
