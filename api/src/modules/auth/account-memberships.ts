import type { OwnMembership } from '@tryg/shared';

/**
 * Lets `GET /auth/me` list the caller's memberships without auth depending on the membership
 * feature (which depends on auth): the membership module provides this token.
 */
export const ACCOUNT_MEMBERSHIPS = Symbol('ACCOUNT_MEMBERSHIPS');

export interface AccountMemberships {
  ofAccount(accountId: string): Promise<OwnMembership[]>;
}
