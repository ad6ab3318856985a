import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginDto, LoginResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { forgetAllButMe } from '../../../lib/query-client';
import { meQueryOptions } from './get-me';

export function login(body: LoginDto): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      forgetAllButMe(queryClient);
      // Loads the memberships too, and wakes every view that waits for "signed in".
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    },
  });
}
