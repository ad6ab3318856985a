import { join } from 'node:path';
import { occurrences, splitFollowing, type SeriesRule } from './recurrence';
import { runInTimeZone } from './scheduling.test-helpers';
import { utcToZoned, zonedToUtc } from './zoned-time';

const CPH = 'Europe/Copenhagen';

/**
 * 2026: Copenhagen is UTC+1 until Sunday 29 March 01:00Z, UTC+2 until Sunday 25 October 01:00Z,
 * then UTC+1 again (the EU rule: last Sundays of March and October). These expectations are
 * written out by hand from that rule, not computed by the code under test.
 */
const SPRING: SeriesRule = {
  startsOn: '2026-03-17',
  time: '18:00',
  timezone: CPH,
  durationMinutes: 90,
  frequency: 'weekly',
  count: 4,
  until: null,
};
const SPRING_UTC = [
  '2026-03-17T17:00:00.000Z',
  '2026-03-24T17:00:00.000Z',
  '2026-03-31T16:00:00.000Z',
  '2026-04-07T16:00:00.000Z',
];
const AUTUMN: SeriesRule = { ...SPRING, startsOn: '2026-10-13', count: 4 };
const AUTUMN_UTC = [
  '2026-10-13T16:00:00.000Z',
  '2026-10-20T16:00:00.000Z',
  '2026-10-27T17:00:00.000Z',
  '2026-11-03T17:00:00.000Z',
];

const starts = (rule: SeriesRule) => occurrences(rule).map((o) => o.startsAt.toISOString());

describe('recurrence', () => {
  it('keeps a weekly 18:00 Copenhagen series at 18:00 local across the last Sunday of March', () => {
    expect(starts(SPRING)).toEqual(SPRING_UTC);
    expect(occurrences(SPRING).map((o) => utcToZoned(o.startsAt, CPH).time)).toEqual([
      '18:00',
      '18:00',
      '18:00',
      '18:00',
    ]);
  });

  it('keeps it at 18:00 local across the last Sunday of October', () => {
    expect(starts(AUTUMN)).toEqual(AUTUMN_UTC);
    expect(occurrences(AUTUMN).map((o) => utcToZoned(o.startsAt, CPH).time)).toEqual([
      '18:00',
      '18:00',
      '18:00',
      '18:00',
    ]);
  });

  it('ends each meeting its duration after its start, also on a change-over week', () => {
    const third = occurrences(SPRING)[2];
    expect(third.endsAt.getTime() - third.startsAt.getTime()).toBe(90 * 60_000);
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])(
    'gives the same instants when the process runs with TZ=%s',
    (tz) => {
      const { result, processOffsetMinutes } = runInTimeZone<{ spring: string[]; autumn: string[] }>(
        tz,
        join(__dirname, 'recurrence.ts'),
        `{
        spring: mod.occurrences(${JSON.stringify(SPRING)}).map((o) => o.startsAt.toISOString()),
        autumn: mod.occurrences(${JSON.stringify(AUTUMN)}).map((o) => o.startsAt.toISOString()),
      }`,
      );
      // The child really ran in that zone (New York: UTC−5 in January, Tokyo: UTC+9).
      expect(processOffsetMinutes).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Tokyo': -540 }[tz]);
      expect(result.spring).toEqual(SPRING_UTC);
      expect(result.autumn).toEqual(AUTUMN_UTC);
    },
  );

  it('steps two weeks for a biweekly series', () => {
    const rule: SeriesRule = { ...SPRING, frequency: 'biweekly', count: 3 };
    expect(occurrences(rule).map((o) => o.localDate)).toEqual(['2026-03-17', '2026-03-31', '2026-04-14']);
    expect(starts(rule)).toEqual(['2026-03-17T17:00:00.000Z', '2026-03-31T16:00:00.000Z', '2026-04-14T16:00:00.000Z']);
  });

  it('stops after `count` meetings', () => {
    expect(occurrences({ ...SPRING, count: 1 })).toHaveLength(1);
    expect(occurrences({ ...SPRING, count: 7 })).toHaveLength(7);
  });

  it('includes a meeting on the `until` date and none after it', () => {
    const rule: SeriesRule = { ...SPRING, count: null, until: '2026-04-07' };
    expect(occurrences(rule).map((o) => o.localDate)).toEqual(['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07']);
    expect(occurrences({ ...rule, until: '2026-04-06' }).map((o) => o.localDate)).toEqual([
      '2026-03-17',
      '2026-03-24',
      '2026-03-31',
    ]);
    expect(occurrences({ ...rule, frequency: 'biweekly' }).map((o) => o.localDate)).toEqual([
      '2026-03-17',
      '2026-03-31',
    ]);
  });

  it('refuses a series with neither count nor until', () => {
    expect(() => occurrences({ ...SPRING, count: null, until: null })).toThrow();
  });

  it('moves a time skipped by the spring change forward, and takes the first of a repeated autumn time', () => {
    expect(zonedToUtc('2026-03-29', '02:30', CPH).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(zonedToUtc('2026-10-25', '02:30', CPH).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // the first 02:30, CEST
  });

  describe(splitFollowing.name, () => {
    const rule: SeriesRule = { ...SPRING, count: 6 };

    it('ends the old series before the chosen meeting and starts the new one there, at the new local time', () => {
      // Third meeting (31 March) moved to Wednesday 1 April 19:00 local.
      const split = splitFollowing(rule, 2, { newStart: new Date('2026-04-01T17:00:00.000Z') });
      expect(split.before).toEqual({ ...rule, count: 2 });
      expect(split.from).toEqual({ ...rule, startsOn: '2026-04-01', time: '19:00', count: 4 });
    });

    it('shifts an until-based series end by the same number of days', () => {
      const byDate: SeriesRule = { ...SPRING, count: null, until: '2026-04-21' };
      const split = splitFollowing(byDate, 1, { newStart: new Date('2026-03-26T17:00:00.000Z') }); // Tue 24 → Thu 26 March
      expect(split.before?.until).toBe('2026-03-23');
      expect(split.from.until).toBe('2026-04-23');
      expect(occurrences(split.from).map((o) => o.localDate)).toEqual([
        '2026-03-26',
        '2026-04-02',
        '2026-04-09',
        '2026-04-16',
        '2026-04-23',
      ]);
    });

    it('changes the series in place when the first meeting is chosen', () => {
      expect(splitFollowing(rule, 0, { durationMinutes: 60 }).before).toBeNull();
    });
  });
});
