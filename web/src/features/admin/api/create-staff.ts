import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffDto, LoginResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createStaff(body: CreateStaffDto): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/admin/staff', { method: 'POST', body });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}
