import type { Membership, MembershipStatus } from '@tryg/shared';
import { ApiError } from '../../lib/api-client';

/** The owner's view of a membership; `GET /auth/me` sends the notification choice with it. */
export interface MyMembership extends Membership {
  showGroupName?: boolean;
}

/** Still part of the group (waiting or in it): these can be renamed, adjusted and left. */
export function isActive(status: MembershipStatus): boolean {
  return status === 'pending' || status === 'approved';
}

/** Active memberships first (in the order joined), then earlier ones. */
export function orderMemberships<T extends Membership>(memberships: readonly T[]): T[] {
  return [...memberships.filter((m) => isActive(m.status)), ...memberships.filter((m) => !isActive(m.status))];
}

export type RenameErrorKey = 'nameNotAvailable' | 'nameRules';

export function renameErrorKey(error: unknown): RenameErrorKey | null {
  if (!(error instanceof ApiError)) return null;
  const aboutName = (error.details ?? []).some((detail) => detail.field === 'displayName');
  // One message for a name in use and a name kept for someone who left, as the server answers both alike.
  if (error.code === 'CONFLICT' && aboutName) return 'nameNotAvailable';
  if (error.code === 'VALIDATION' && aboutName) return 'nameRules';
  return null;
}
