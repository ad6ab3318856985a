import type { ClientStatus } from '@tryg/shared';

/** This feature's cache keys; one root, so a change to a case can mark everything about cases stale. */
export const clientKeys = {
  all: ['clients'] as const,
  list: (status: ClientStatus | 'all') => ['clients', 'list', status] as const,
  case: (clientId: string) => ['clients', 'case', clientId] as const,
  screenings: (clientId: string) => ['clients', 'case', clientId, 'screenings'] as const,
  coordinators: ['clients', 'coordinators'] as const,
};
