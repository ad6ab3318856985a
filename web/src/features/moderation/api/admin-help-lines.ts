import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HelpLineEntry, HelpLinesResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

/** `GET /admin/help-lines`: the help lines in both languages, as the server keeps them. */
export function getAdminHelpLines(): Promise<HelpLinesResponse> {
  return apiRequest<HelpLinesResponse>('/admin/help-lines');
}

/** `PUT /admin/help-lines`: replaces the list (the admin checks every number first). */
export function replaceHelpLines(lines: HelpLineEntry[]): Promise<HelpLinesResponse> {
  return apiRequest<HelpLinesResponse>('/admin/help-lines', { method: 'PUT', body: { lines } });
}

export function adminHelpLinesQueryOptions() {
  return queryOptions({ queryKey: moderationKeys.adminHelpLines, queryFn: getAdminHelpLines });
}

export function useAdminHelpLines() {
  return useQuery(adminHelpLinesQueryOptions());
}

export function useReplaceHelpLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceHelpLines,
    onSuccess: async (answer) => {
      queryClient.setQueryData(moderationKeys.adminHelpLines, answer);
      // Members' help-lines panels read the same list under their own key.
      await queryClient.invalidateQueries({ queryKey: ['help-lines'] });
    },
  });
}
