import type { Meeting } from '@tryg/shared';
import { formatDay, formatTime, isSameDay, nextOpening } from './room-time';

function meeting(startsAt: string, minutes: number, cancelled = false): Meeting {
  return {
    id: startsAt,
    groupId: 'g',
    scheduleId: null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    durationMinutes: minutes,
    title: null,
    cancelled,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
  };
}

describe('room time', () => {
  it('writes times the Danish way in the group time zone, and the English way in English', () => {
    const iso = '2026-03-24T17:00:00.000Z';
    expect(formatTime(iso, 'da', 'Europe/Copenhagen')).toBe('18.00');
    expect(formatTime(iso, 'en', 'Europe/Copenhagen')).toBe('18:00');
    expect(formatDay(iso, 'da', 'Europe/Copenhagen')).toBe('24. marts');
    expect(formatDay(iso, 'en', 'Europe/Copenhagen')).toBe('24 March');
  });

  it('knows "today" in the group time zone', () => {
    const now = new Date('2026-03-24T22:30:00.000Z'); // 23.30 in Copenhagen
    expect(isSameDay('2026-03-24T17:00:00.000Z', now, 'Europe/Copenhagen')).toBe(true);
    expect(isSameDay('2026-03-24T23:30:00.000Z', now, 'Europe/Copenhagen')).toBe(false);
  });

  it('opens the room the set minutes before the next meeting that is not cancelled or over', () => {
    const now = new Date('2026-03-24T12:00:00.000Z');
    const meetings = [
      meeting('2026-03-31T17:00:00.000Z', 90),
      meeting('2026-03-24T17:00:00.000Z', 90, true),
      meeting('2026-03-23T17:00:00.000Z', 90),
      meeting('2026-03-26T17:00:00.000Z', 90),
    ];
    expect(nextOpening(meetings, 10, now)).toBe('2026-03-26T16:50:00.000Z');
    expect(nextOpening([], 10, now)).toBeNull();
  });
});
