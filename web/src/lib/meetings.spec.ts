import type { Meeting } from '@tryg/shared';
import { movedMeetingIds } from './meetings';

function meeting(id: string, startsAt: string, scheduleId: string | null = 's1'): Meeting {
  return {
    id,
    groupId: 'g',
    scheduleId,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
    durationMinutes: 90,
    title: null,
    cancelled: false,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
  };
}

describe(movedMeetingIds.name, () => {
  const CPH = 'Europe/Copenhagen';

  it('marks nothing in a series that keeps its local time across the change to summer time', () => {
    // Thursdays 18:00 Copenhagen: 17:00 UTC in winter, 16:00 UTC in summer.
    const series = [
      meeting('a', '2027-03-18T17:00:00Z'),
      meeting('b', '2027-03-25T17:00:00Z'),
      meeting('c', '2027-04-01T16:00:00Z'),
      meeting('d', '2027-04-08T16:00:00Z'),
    ];
    expect(movedMeetingIds(series, CPH)).toEqual(new Set());
  });

  it('marks the one meeting moved on its own, to another time or another weekday', () => {
    const series = [
      meeting('a', '2027-03-18T17:00:00Z'),
      meeting('b', '2027-03-25T18:00:00Z'), // 19:00 instead of 18:00
      meeting('c', '2027-04-01T16:00:00Z'),
      meeting('d', '2027-04-09T16:00:00Z'), // a Friday
    ];
    expect(movedMeetingIds(series, CPH)).toEqual(new Set(['b', 'd']));
  });

  it('leaves one-off meetings and series without a clear pattern alone', () => {
    expect(
      movedMeetingIds(
        [
          meeting('x', '2027-03-18T17:00:00Z', null),
          meeting('y', '2027-03-19T09:00:00Z', null),
          meeting('a', '2027-03-18T17:00:00Z', 's2'),
          meeting('b', '2027-03-25T18:00:00Z', 's2'),
        ],
        CPH,
      ),
    ).toEqual(new Set());
  });

  it('judges each series on its own', () => {
    const meetings = [
      meeting('a', '2027-03-18T17:00:00Z', 's1'),
      meeting('b', '2027-03-25T17:00:00Z', 's1'),
      meeting('c', '2027-03-29T08:00:00Z', 's2'),
      meeting('d', '2027-04-05T08:00:00Z', 's2'),
      meeting('e', '2027-04-12T09:00:00Z', 's2'),
    ];
    // s2 is Mondays 10:00 Copenhagen (08:00 UTC is 10:00 in summer); e is at 11:00.
    expect(movedMeetingIds(meetings, CPH)).toEqual(new Set(['e']));
  });
});
