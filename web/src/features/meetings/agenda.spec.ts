import type { Group, Meeting, Membership } from '@tryg/shared';
import { agendaGroupIds, buildAgenda, placesLeft, rsvpState } from './agenda';

function group(id: string, timezone = 'Europe/Copenhagen'): Group {
  return {
    id,
    name: `Gruppe ${id}`,
    description: '',
    language: 'da',
    capacity: 8,
    timezone,
    betweenSessions: 'closed',
    rules: '',
    retentionDays: 180,
    openMinutesBefore: 10,
    requireFacilitator: true,
    coverCancelHours: 24,
    careLoopAfter: 2,
  };
}

function meeting(id: string, groupId: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    groupId,
    scheduleId: null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
    durationMinutes: 60,
    title: null,
    cancelled: false,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
    ...extra,
  };
}

describe(rsvpState.name, () => {
  it('tells going, waitlisted, not going and not answered apart', () => {
    expect(rsvpState({ myRsvp: 'yes', waitlistPosition: null })).toBe('going');
    expect(rsvpState({ myRsvp: 'yes', waitlistPosition: 2 })).toBe('waitlisted');
    expect(rsvpState({ myRsvp: 'no', waitlistPosition: null })).toBe('not-going');
    expect(rsvpState({ myRsvp: null, waitlistPosition: null })).toBe('unanswered');
  });
});

describe(placesLeft.name, () => {
  it('counts free places and never goes below zero', () => {
    expect(placesLeft({ capacity: 8, going: 3 })).toBe(5);
    expect(placesLeft({ capacity: 1, going: 1 })).toBe(0);
    // Fewer places after the fact (a facilitator lowered them): still 0, not negative.
    expect(placesLeft({ capacity: 2, going: 3 })).toBe(0);
  });
});

describe(agendaGroupIds.name, () => {
  it('takes approved memberships only and notes a pending one', () => {
    const memberships: Membership[] = [
      { memberId: 'm1', groupId: 'a', displayName: 'Lise', status: 'approved' },
      { memberId: 'm2', groupId: 'b', displayName: 'Lise', status: 'pending' },
      { memberId: 'm3', groupId: 'c', displayName: 'Lise', status: 'left' },
    ];
    expect(agendaGroupIds(memberships)).toEqual({ approved: ['a'], pending: true });
    expect(agendaGroupIds(memberships.slice(0, 1))).toEqual({ approved: ['a'], pending: false });
  });
});

describe(buildAgenda.name, () => {
  const now = new Date('2027-03-20T12:00:00Z');

  it('merges groups soonest first, drops ended meetings and keeps cancelled ones', () => {
    const agenda = buildAgenda(
      [group('a'), group('b')],
      new Map([
        [
          'a',
          [
            meeting('ended', 'a', '2027-03-19T17:00:00Z'),
            meeting('a2', 'a', '2027-03-27T17:00:00Z', { cancelled: true }),
          ],
        ],
        ['b', [meeting('b1', 'b', '2027-03-22T08:00:00Z'), meeting('now', 'b', '2027-03-20T11:30:00Z')]],
      ]),
      now,
    );
    expect(agenda.map((entry) => [entry.meeting.id, entry.group.id, entry.inProgress])).toEqual([
      ['now', 'b', true],
      ['b1', 'b', false],
      ['a2', 'a', false],
    ]);
    expect(agenda[2].meeting.cancelled).toBe(true);
  });

  it("marks a series meeting moved on its own, judged on the group's wall clock", () => {
    const series = (id: string, startsAt: string) => meeting(id, 'a', startsAt, { scheduleId: 's' });
    const agenda = buildAgenda(
      [group('a')],
      new Map([
        [
          'a',
          [
            series('w1', '2027-03-25T17:00:00Z'),
            series('w2', '2027-04-01T16:00:00Z'),
            series('w3', '2027-04-08T17:00:00Z'),
            series('w4', '2027-04-15T16:00:00Z'),
          ],
        ],
      ]),
      now,
    );
    expect(agenda.filter((entry) => entry.moved).map((entry) => entry.meeting.id)).toEqual(['w3']);
  });

  it('shows nothing of a group it was not given', () => {
    expect(buildAgenda([], new Map([['a', [meeting('a1', 'a', '2027-03-27T17:00:00Z')]]]), now)).toEqual([]);
  });
});
