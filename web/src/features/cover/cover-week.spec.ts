import type { CoverItem, Meeting } from '@tryg/shared';
import { daysOfWeek, soonness, weekStart } from './cover-week';

const CPH = 'Europe/Copenhagen';

function item(startsAt: string, hoursUntilStart = 10, timezone = CPH): CoverItem {
  const meeting = { id: startsAt, groupId: 'g', startsAt, covered: false } as Meeting;
  return { meeting, groupId: 'g', groupName: 'Tirsdagsgruppen', timezone, hoursUntilStart };
}

describe(weekStart.name, () => {
  it("gives the Monday of this week and of later weeks on the zone's calendar", () => {
    // Sunday 7 March 2027, 23:30 in Copenhagen (22:30 UTC): still the week of Monday 1 March.
    const sundayNight = new Date('2027-03-07T22:30:00.000Z');
    expect(weekStart(sundayNight, CPH, 0)).toBe('2027-03-01');
    expect(weekStart(sundayNight, CPH, 1)).toBe('2027-03-08');
    // Monday 00:30 in Copenhagen is still Sunday in UTC: already the next week.
    expect(weekStart(new Date('2027-03-07T23:30:00.000Z'), CPH, 0)).toBe('2027-03-08');
    expect(weekStart(new Date('2027-03-07T23:30:00.000Z'), 'UTC', 0)).toBe('2027-03-01');
  });
});

describe(daysOfWeek.name, () => {
  it("puts each meeting on its group's local day, soonest first, and leaves out other weeks and empty days", () => {
    const days = daysOfWeek(
      [
        item('2027-03-03T17:00:00.000Z'),
        item('2027-03-03T08:00:00.000Z'),
        // 00:30 on Friday in Copenhagen, still Thursday in UTC.
        item('2027-03-04T23:30:00.000Z'),
        item('2027-03-09T17:00:00.000Z'),
      ],
      '2027-03-01',
    );
    expect(days.map((d) => [d.date, d.items.map((i) => i.meeting.startsAt)])).toEqual([
      ['2027-03-03', ['2027-03-03T08:00:00.000Z', '2027-03-03T17:00:00.000Z']],
      ['2027-03-05', ['2027-03-04T23:30:00.000Z']],
    ]);
  });
});

describe(soonness.name, () => {
  it('tells in progress, within the hour and whole hours apart', () => {
    expect(soonness(item('2027-03-03T17:00:00.000Z', -1))).toEqual({ kind: 'in-progress' });
    expect(soonness(item('2027-03-03T17:00:00.000Z', 0))).toEqual({ kind: 'soon' });
    expect(soonness(item('2027-03-03T17:00:00.000Z', 47))).toEqual({ kind: 'hours', hours: 47 });
  });
});
