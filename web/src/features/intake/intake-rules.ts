import type { Member, MembershipStatus } from '@tryg/shared';
import { ApiError } from '../../lib/api-client';

/** People waiting for a decision, in the order they asked (the API lists oldest first). */
export function pendingMembers(members: readonly Member[]): Member[] {
  return members.filter((member) => member.role === 'member' && member.status === 'pending');
}

const STATUS_ORDER: Record<MembershipStatus, number> = {
  approved: 0,
  pending: 1,
  declined: 2,
  left: 3,
  removed: 4,
  banned: 5,
};

/** The member list: facilitators first, then members by status (in the group first), then by name. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort((a, b) => {
    if (a.role !== b.role) return a.role === 'facilitator' ? -1 : 1;
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    return byStatus !== 0 ? byStatus : a.displayName.localeCompare(b.displayName);
  });
}

export type IntakeErrorKey = 'groupFull' | 'keepApart' | 'alreadyDecided' | 'gone';

/**
 * A refused decision in plain words. KEEP_APART is explained without saying who matched whom:
 * not even the facilitator learns that (only the coordinators involved are told).
 */
export function intakeErrorKey(error: unknown): IntakeErrorKey | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'GROUP_FULL':
      return 'groupFull';
    case 'KEEP_APART':
      return 'keepApart';
    case 'CONFLICT':
      return 'alreadyDecided';
    case 'NOT_FOUND':
      return 'gone';
    default:
      return null;
  }
}
