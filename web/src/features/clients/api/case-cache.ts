import type { QueryClient } from '@tanstack/react-query';
import type { ClientCase } from '@tryg/shared';
import { clientKeys } from './client-keys';

/**
 * After a change to a case: show the server's answer at once when it is the whole case, refresh
 * the open case otherwise, and let lists reload only when they are next shown (each read is audited).
 */
export async function caseChanged(queryClient: QueryClient, clientId: string, updated?: ClientCase): Promise<void> {
  if (updated) queryClient.setQueryData(clientKeys.case(clientId), updated);
  else await queryClient.invalidateQueries({ queryKey: clientKeys.case(clientId), exact: true });
  await queryClient.invalidateQueries({ queryKey: ['clients', 'list'], refetchType: 'none' });
}
