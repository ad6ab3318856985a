import { summariseAttendance } from './attendance.service';

const meeting = (id: string, day: number) => ({ id, startsAt: new Date(Date.UTC(2026, 2, day, 17)) });
// Newest first, as the service loads them.
const RECENT = [meeting('m5', 31), meeting('m4', 24), meeting('m3', 17), meeting('m2', 10), meeting('m1', 3)];

describe(summariseAttendance.name, () => {
  it('counts attended meetings and the latest misses in a row', () => {
    expect(summariseAttendance(RECENT, new Date(0), new Set(['m1', 'm2', 'm3']))).toEqual({
      attended: 3,
      missedInARow: 2,
      recentMeetings: 5,
    });
    expect(summariseAttendance(RECENT, new Date(0), new Set(['m5']))).toEqual({
      attended: 1,
      missedInARow: 0,
      recentMeetings: 5,
    });
    expect(summariseAttendance(RECENT, new Date(0), new Set())).toEqual({
      attended: 0,
      missedInARow: 5,
      recentMeetings: 5,
    });
  });

  it('ignores meetings from before the member was approved', () => {
    expect(summariseAttendance(RECENT, new Date(Date.UTC(2026, 2, 20)), new Set())).toEqual({
      attended: 0,
      missedInARow: 2,
      recentMeetings: 2,
    });
  });
});
