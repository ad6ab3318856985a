import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResolveSafetyDto, SafetyAlertItem } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { moderationKeys } from './moderation-keys';

/** Marks a safety alert as handled; a member hidden by "I think I know this person" is shown again. */
export function resolveSafetyAlert(alertId: string, body: ResolveSafetyDto): Promise<SafetyAlertItem> {
  return apiRequest<SafetyAlertItem>(`/safety/${encodeURIComponent(alertId)}/resolve`, { method: 'POST', body });
}

export function useResolveSafetyAlert(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, body }: { alertId: string; body: ResolveSafetyDto }) => resolveSafetyAlert(alertId, body),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.members(groupId) }),
      ]);
    },
  });
}
