import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeleteMeDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { markSignedOut } from '../../../lib/query-client';

export function deleteAccount(body: DeleteMeDto): Promise<void> {
  return apiRequest<void>('/me', { method: 'DELETE', body });
}

/** After deletion the session is gone too: forget everything, as after signing out. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAccount, onSuccess: () => markSignedOut(queryClient) });
}
