import type { Meeting } from '@tryg/shared';
import { MISSED_IN_A_ROW_SIGNAL, markableMeetings, showsQuietSignal } from './attendance';

function meeting(id: string, startsAt: string, cancelled = false): Meeting {
  return {
    id,
    groupId: 'g',
    scheduleId: null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
    durationMinutes: 60,
    title: null,
    cancelled,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
  };
}

describe(markableMeetings.name, () => {
  const now = new Date('2027-03-20T12:00:00Z');

  it('keeps meetings whose room has opened, newest first, without cancelled ones', () => {
    const meetings = [
      meeting('old', '2027-03-06T17:00:00Z'),
      meeting('cancelled', '2027-03-13T17:00:00Z', true),
      meeting('last', '2027-03-19T17:00:00Z'),
      meeting('opening', '2027-03-20T12:10:00Z'),
      meeting('later', '2027-03-20T12:11:00Z'),
      meeting('next-week', '2027-03-27T17:00:00Z'),
    ];
    expect(markableMeetings(meetings, 10, now).map((m) => m.id)).toEqual(['opening', 'last', 'old']);
    expect(markableMeetings(meetings, 0, now).map((m) => m.id)).toEqual(['last', 'old']);
  });
});

describe(showsQuietSignal.name, () => {
  it(`marks a member from ${MISSED_IN_A_ROW_SIGNAL} missed meetings in a row`, () => {
    expect(showsQuietSignal({ missedInARow: 0 })).toBe(false);
    expect(showsQuietSignal({ missedInARow: MISSED_IN_A_ROW_SIGNAL - 1 })).toBe(false);
    expect(showsQuietSignal({ missedInARow: MISSED_IN_A_ROW_SIGNAL })).toBe(true);
  });
});
