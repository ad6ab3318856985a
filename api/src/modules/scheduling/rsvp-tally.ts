import type { MemberRole, MembershipStatus, RsvpStatus } from '@tryg/shared';

export interface TallyRsvp {
  id: string;
  memberId: string;
  status: RsvpStatus;
  queuedAt: Date;
  role: MemberRole;
  memberStatus: MembershipStatus;
}

export interface Tally {
  /** Approved members (not facilitators) going: the places taken. */
  going: number;
  /** Approved members waiting, first in line first. */
  waitlist: TallyRsvp[];
}

/**
 * Only approved members count: someone who left, was removed or banned frees their place
 * without anyone having to edit their RSVP. Facilitators never take a place.
 */
export function tally(rsvps: TallyRsvp[]): Tally {
  const active = rsvps.filter((r) => r.memberStatus === 'approved');
  const going = active.filter((r) => r.status === 'going' && r.role === 'member').length;
  const waitlist = active
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id.localeCompare(b.id));
  return { going, waitlist };
}

export function waitlistPosition(t: Tally, memberId: string): number | null {
  const index = t.waitlist.findIndex((r) => r.memberId === memberId);
  return index === -1 ? null : index + 1;
}
