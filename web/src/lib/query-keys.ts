/** Query keys used by more than one feature live here, so features never import each other. */
export const queryKeys = {
  me: ['me'] as const,
  clientConfig: ['client-config'] as const,
  sessions: ['auth', 'sessions'] as const,
  staff: ['admin', 'staff'] as const,
  audit: ['admin', 'audit'] as const,
};
