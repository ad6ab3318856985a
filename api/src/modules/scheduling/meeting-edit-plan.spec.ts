import { planMeetingEdit, type PlannedMeeting } from './meeting-edit-plan';
import { occurrences, type SeriesRule } from './recurrence';
import { utcToZoned } from './zoned-time';

const CPH = 'Europe/Copenhagen';
// Tuesdays 18:00 Copenhagen from 17 March 2026, six of them (summer time starts on 29 March).
const RULE: SeriesRule = {
  startsOn: '2026-03-17',
  time: '18:00',
  timezone: CPH,
  durationMinutes: 90,
  frequency: 'weekly',
  count: 6,
  until: null,
};
const NOW = new Date('2026-03-10T12:00:00.000Z');

function seriesMeetings(): PlannedMeeting[] {
  return occurrences(RULE).map((o) => ({
    id: `m${o.index}`,
    scheduleId: 's1',
    seriesIndex: o.index,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    durationMinutes: RULE.durationMinutes,
    cancelled: false,
    title: null,
    capacity: null,
  }));
}

const local = (d: Date) => utcToZoned(d, CPH);

describe(planMeetingEdit.name, () => {
  it('moves only the chosen occurrence with scope "this"; the rest of the series keeps its times', () => {
    const meetings = seriesMeetings();
    const plan = planMeetingEdit({
      target: meetings[1],
      scope: 'this',
      change: { startsAt: new Date('2026-03-25T18:00:00.000Z') }, // Wed 25 March 19:00 local
      series: { rule: RULE, meetings },
      now: NOW,
    });
    expect(plan.split).toBeNull();
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0].after.id).toBe('m1');
    expect(plan.updates[0].moved).toBe(true);
    expect(plan.updates[0].after.endsAt.toISOString()).toBe('2026-03-25T19:30:00.000Z');
    // It stays part of its series, in its place.
    expect(plan.updates[0].after).toMatchObject({ scheduleId: 's1', seriesIndex: 1 });
    // The series itself is untouched: every other occurrence is still Tuesday 18:00.
    expect(
      occurrences(RULE)
        .filter((o) => o.index !== 1)
        .map((o) => local(o.startsAt).time),
    ).toEqual(['18:00', '18:00', '18:00', '18:00', '18:00']);
  });

  it('moves the chosen occurrence and every later one with scope "following", and leaves earlier ones alone', () => {
    const meetings = seriesMeetings();
    // The 24 March meeting (index 1, still winter time) moves to Thursday 26 March 19:30 local.
    const plan = planMeetingEdit({
      target: meetings[1],
      scope: 'following',
      change: { startsAt: new Date('2026-03-26T18:30:00.000Z') },
      series: { rule: RULE, meetings },
      now: NOW,
    });
    const ids = plan.updates.map((u) => u.after.id);
    expect(ids).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(ids).not.toContain('m0');
    const after = plan.updates.map((u) => local(u.after.startsAt));
    expect(after).toEqual([
      { date: '2026-03-26', time: '19:30' },
      // After the change to summer time the wall-clock time is still 19:30.
      { date: '2026-04-02', time: '19:30' },
      { date: '2026-04-09', time: '19:30' },
      { date: '2026-04-16', time: '19:30' },
      { date: '2026-04-23', time: '19:30' },
    ]);
    expect(plan.updates[1].after.startsAt.toISOString()).toBe('2026-04-02T17:30:00.000Z');
    expect(plan.updates.every((u) => u.moved)).toBe(true);
    expect(plan.split?.before).toEqual({ ...RULE, count: 1 });
    expect(plan.split?.from).toMatchObject({ startsOn: '2026-03-26', time: '19:30', count: 5 });
    // Renumbered within the new series.
    expect(plan.updates.map((u) => u.after.seriesIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it('brings an occurrence moved on its own back into line when the rest of the series moves', () => {
    const meetings = seriesMeetings();
    meetings[3] = {
      ...meetings[3],
      startsAt: new Date('2026-04-08T08:00:00.000Z'),
      endsAt: new Date('2026-04-08T09:30:00.000Z'),
    };
    const plan = planMeetingEdit({
      target: meetings[2],
      scope: 'following',
      change: { startsAt: new Date('2026-03-31T17:00:00.000Z') }, // same Tuesday, 19:00 instead of 18:00
      series: { rule: RULE, meetings },
      now: NOW,
    });
    expect(plan.updates.map((u) => local(u.after.startsAt))).toEqual([
      { date: '2026-03-31', time: '19:00' },
      { date: '2026-04-07', time: '19:00' },
      { date: '2026-04-14', time: '19:00' },
      { date: '2026-04-21', time: '19:00' },
    ]);
  });

  it('changes only the length of the following meetings when no new start is given', () => {
    const meetings = seriesMeetings();
    const plan = planMeetingEdit({
      target: meetings[4],
      scope: 'following',
      change: { durationMinutes: 60 },
      series: { rule: RULE, meetings },
      now: NOW,
    });
    expect(plan.updates.map((u) => u.after.id)).toEqual(['m4', 'm5']);
    expect(
      plan.updates.every((u) => !u.moved && u.after.endsAt.getTime() - u.after.startsAt.getTime() === 60 * 60_000),
    ).toBe(true);
  });

  it('cancels the rest of the series with scope "following"', () => {
    const meetings = seriesMeetings();
    const plan = planMeetingEdit({
      target: meetings[3],
      scope: 'following',
      change: { cancelled: true },
      series: { rule: RULE, meetings },
      now: NOW,
    });
    expect(plan.updates.map((u) => [u.after.id, u.cancelledNow])).toEqual([
      ['m3', true],
      ['m4', true],
      ['m5', true],
    ]);
    expect(plan.split).toBeNull();
  });

  it('does not touch later meetings that are already over', () => {
    const meetings = seriesMeetings();
    const late = new Date('2026-04-08T00:00:00.000Z'); // after m3 (7 April) ended
    meetings[1] = {
      ...meetings[1],
      startsAt: new Date('2026-04-08T10:00:00.000Z'),
      endsAt: new Date('2026-04-08T11:30:00.000Z'),
    };
    const plan = planMeetingEdit({
      target: meetings[1],
      scope: 'following',
      change: { durationMinutes: 60 },
      series: { rule: RULE, meetings },
      now: late,
    });
    expect(plan.updates.map((u) => u.after.id)).toEqual(['m1', 'm4', 'm5']);
  });
});
