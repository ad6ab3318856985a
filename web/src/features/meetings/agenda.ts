import type { Group, Meeting, Membership } from '@tryg/shared';
import { movedMeetingIds } from '../../lib/meetings';

/** The member's own answer, as the agenda speaks of it. */
export type RsvpState = 'going' | 'waitlisted' | 'not-going' | 'unanswered';

export function rsvpState(meeting: Pick<Meeting, 'myRsvp' | 'waitlistPosition'>): RsvpState {
  if (meeting.myRsvp === 'no') return 'not-going';
  if (meeting.myRsvp === 'yes') return meeting.waitlistPosition !== null ? 'waitlisted' : 'going';
  return 'unanswered';
}

/** Free places; facilitators never take one, and waitlisted members wait for these. */
export function placesLeft(meeting: Pick<Meeting, 'capacity' | 'going'>): number {
  return Math.max(0, meeting.capacity - meeting.going);
}

export interface AgendaEntry {
  meeting: Meeting;
  group: Group;
  moved: boolean;
  inProgress: boolean;
}

/** Groups whose meetings the member may see: approved memberships only (pending ones get a note). */
export function agendaGroupIds(memberships: readonly Membership[]): { approved: string[]; pending: boolean } {
  return {
    approved: memberships.filter((m) => m.status === 'approved').map((m) => m.groupId),
    pending: memberships.some((m) => m.status === 'pending'),
  };
}

/**
 * Every group's meetings that have not ended yet, soonest first. Moved meetings are marked per
 * group (its zone decides what "the same time" means); cancelled ones stay, so nobody comes in vain.
 */
export function buildAgenda(
  groups: readonly Group[],
  meetingsByGroup: ReadonlyMap<string, readonly Meeting[]>,
  now: Date,
): AgendaEntry[] {
  const entries: AgendaEntry[] = [];
  for (const group of groups) {
    const meetings = meetingsByGroup.get(group.id) ?? [];
    const moved = movedMeetingIds(meetings, group.timezone);
    for (const meeting of meetings) {
      if (new Date(meeting.endsAt).getTime() <= now.getTime()) continue;
      entries.push({
        meeting,
        group,
        moved: moved.has(meeting.id),
        inProgress: new Date(meeting.startsAt).getTime() <= now.getTime(),
      });
    }
  }
  return entries.sort(
    (a, b) =>
      Date.parse(a.meeting.startsAt) - Date.parse(b.meeting.startsAt) || a.meeting.id.localeCompare(b.meeting.id),
  );
}
