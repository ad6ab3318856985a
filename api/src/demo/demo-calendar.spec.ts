import { danishWeekday, groupNameFor, localDate, nextDateOn } from './demo-calendar';

const ZONE = 'Europe/Copenhagen';

describe('demo calendar', () => {
  // Thursday 26 March 2026, 23:30 in Copenhagen (22:30 UTC): still Thursday there.
  const thursdayNight = new Date('2026-03-26T22:30:00.000Z');

  it('names a group after the weekday on the group wall clock', () => {
    expect(danishWeekday(thursdayNight, ZONE)).toBe('torsdag');
    expect(groupNameFor('torsdag')).toBe('Torsdagsgruppen');
    expect(groupNameFor('lørdag')).toBe('Lørdagsgruppen');
    expect(localDate(thursdayNight, ZONE)).toBe('2026-03-26');
  });

  it('finds the next date on a weekday, so a group meets on the day its name says', () => {
    expect(nextDateOn('torsdag', thursdayNight, ZONE)).toBe('2026-04-02');
    expect(nextDateOn('mandag', thursdayNight, ZONE)).toBe('2026-03-30');
    expect(nextDateOn('fredag', thursdayNight, ZONE)).toBe('2026-03-27');
    expect(nextDateOn('fredag', thursdayNight, ZONE, 2)).toBe('2026-04-03');
  });
});
