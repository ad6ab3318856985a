import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function changePassword(body: ChangePasswordDto): Promise<void> {
  return apiRequest<void>('/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The server signed out every other session.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}
