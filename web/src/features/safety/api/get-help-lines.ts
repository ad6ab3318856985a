import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HelpLineEntry, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { safetyKeys } from './safety-keys';

/** The help lines the administrator keeps, in both languages (the page shows the reader's). */
export function getHelpLines(): Promise<Page<HelpLineEntry>> {
  return apiRequest<Page<HelpLineEntry>>('/help-lines');
}

export function helpLinesQueryOptions() {
  return queryOptions({ queryKey: safetyKeys.helpLines, queryFn: getHelpLines, staleTime: 5 * 60_000 });
}

export function useHelpLines(enabled = true) {
  return useQuery({ ...helpLinesQueryOptions(), enabled });
}
