import { useQuery } from '@tanstack/react-query';
import type { CoordinatorItem, Page } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { clientKeys } from './client-keys';

export function listCoordinators(): Promise<Page<CoordinatorItem>> {
  return apiRequest<Page<CoordinatorItem>>('/coordinators');
}

/** The active coordinators to choose a stand-in from (names only). */
export function useCoordinators(enabled: boolean) {
  return useQuery({ queryKey: clientKeys.coordinators, queryFn: listCoordinators, enabled });
}
