import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffItem } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /admin/staff/:id/disable` or `…/enable`: disabling signs the person out everywhere at once. */
export function setStaffDisabled(accountId: string, disabled: boolean): Promise<StaffItem> {
  return apiRequest<StaffItem>(`/admin/staff/${encodeURIComponent(accountId)}/${disabled ? 'disable' : 'enable'}`, {
    method: 'POST',
  });
}

export function useSetStaffDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, disabled }: { accountId: string; disabled: boolean }) =>
      setStaffDisabled(accountId, disabled),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}
