import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Report, ResolveReportDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { moderationKeys } from './moderation-keys';

/** Dismisses a report, or carries out its action (remove the message, mute, remove, ban) with a reason. */
export function resolveReport(reportId: string, body: ResolveReportDto): Promise<Report> {
  return apiRequest<Report>(`/reports/${encodeURIComponent(reportId)}/resolve`, { method: 'POST', body });
}

export function useResolveReport(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, body }: { reportId: string; body: ResolveReportDto }) => resolveReport(reportId, body),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.members(groupId) }),
      ]);
    },
  });
}
