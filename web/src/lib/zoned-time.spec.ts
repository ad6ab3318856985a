import {
  addDays,
  formatClock,
  formatDay,
  formatMeetingTime,
  fromLocalDateTime,
  sameWallClock,
  toLocalDateTime,
  wallClockAt,
} from './zoned-time';

const CPH = 'Europe/Copenhagen';
const NOW = new Date('2027-01-10T12:00:00Z');

describe('meeting times in the group zone', () => {
  it('writes a Copenhagen winter meeting the Danish way: "torsdag 25. marts kl. 18.00"', () => {
    // 25 March 2027 is before the last Sunday of March: CET, UTC+1.
    expect(formatMeetingTime('2027-03-25T17:00:00Z', 'da', CPH, NOW)).toBe('torsdag 25. marts kl. 18.00');
    expect(formatMeetingTime('2027-03-25T17:00:00Z', 'en', CPH, NOW)).toBe('Thursday 25 March at 18:00');
  });

  it('keeps 18.00 on the wall clock after the change to summer time (a different UTC hour)', () => {
    // 1 April 2027 is after 28 March: CEST, UTC+2.
    expect(formatMeetingTime('2027-04-01T16:00:00Z', 'da', CPH, NOW)).toBe('torsdag 1. april kl. 18.00');
    // The same instant in New York is the middle of the day (and in English conventions).
    expect(formatMeetingTime('2027-04-01T16:00:00Z', 'en', 'America/New_York', NOW)).toBe('Thursday 1 April at 12:00');
  });

  it('shows the date of the zone, not of UTC, when they differ', () => {
    // 23:30 UTC on 31 October is already 1 November in Copenhagen (after the change back: UTC+1).
    expect(formatMeetingTime('2027-10-31T23:30:00Z', 'da', CPH, NOW)).toBe('mandag 1. november kl. 00.30');
    expect(formatDay('2027-10-31T23:30:00Z', 'da', 'UTC', NOW)).toBe('søndag 31. oktober');
  });

  it('adds the year only when it is not this year in that zone', () => {
    expect(formatDay('2028-02-03T17:00:00Z', 'da', CPH, NOW)).toBe('torsdag 3. februar 2028');
    expect(formatDay('2028-02-03T17:00:00Z', 'en', CPH, NOW)).toBe('Thursday 3 February 2028');
    expect(formatClock('2028-02-03T17:05:00Z', 'da', CPH)).toBe('18.05');
    expect(formatClock('2028-02-03T17:05:00Z', 'en', CPH)).toBe('18:05');
  });

  it('does not depend on the zone the device itself is set to', () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        results.push(
          formatMeetingTime('2027-03-25T17:00:00Z', 'da', CPH, NOW),
          fromLocalDateTime('2027-10-28', '18:00', CPH).toISOString(),
        );
      }
    } finally {
      process.env.TZ = saved;
    }
    expect(new Set(results)).toEqual(new Set(['torsdag 25. marts kl. 18.00', '2027-10-28T16:00:00.000Z']));
  });
});

describe(fromLocalDateTime.name, () => {
  it('turns 18:00 in Copenhagen into the right instant on both sides of each change', () => {
    expect(fromLocalDateTime('2027-03-25', '18:00', CPH).toISOString()).toBe('2027-03-25T17:00:00.000Z');
    expect(fromLocalDateTime('2027-04-01', '18:00', CPH).toISOString()).toBe('2027-04-01T16:00:00.000Z');
    expect(fromLocalDateTime('2027-10-28', '18:00', CPH).toISOString()).toBe('2027-10-28T16:00:00.000Z');
    expect(fromLocalDateTime('2027-11-04', '18:00', CPH).toISOString()).toBe('2027-11-04T17:00:00.000Z');
  });

  it('moves a skipped time forward by the gap and takes the earlier of a doubled time (as the API does)', () => {
    // 28 March 2027 02:30 does not exist in Copenhagen: it becomes 03:30 summer time.
    const skipped = fromLocalDateTime('2027-03-28', '02:30', CPH);
    expect(skipped.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocalDateTime(skipped, CPH)).toEqual({ date: '2027-03-28', time: '03:30' });
    // 31 October 2027 02:30 happens twice: the first is still summer time.
    expect(fromLocalDateTime('2027-10-31', '02:30', CPH).toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('round-trips with toLocalDateTime', () => {
    for (const [date, time] of [
      ['2027-01-01', '00:00'],
      ['2027-06-15', '23:59'],
      ['2027-12-31', '18:00'],
    ]) {
      expect(toLocalDateTime(fromLocalDateTime(date, time, CPH), CPH)).toEqual({ date, time });
      expect(toLocalDateTime(fromLocalDateTime(date, time, 'America/New_York'), 'America/New_York')).toEqual({
        date,
        time,
      });
    }
  });
});

describe('helpers', () => {
  it('counts weekdays from the zone', () => {
    expect(wallClockAt(new Date('2027-03-25T17:00:00Z'), CPH).weekday).toBe(4);
    expect(wallClockAt(new Date('2027-03-25T23:30:00Z'), CPH).weekday).toBe(5);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('tells whether two zones show the same time at an instant', () => {
    expect(sameWallClock(CPH, CPH, NOW)).toBe(true);
    expect(sameWallClock(CPH, 'Europe/Oslo', NOW)).toBe(true);
    expect(sameWallClock(CPH, 'UTC', NOW)).toBe(false);
    expect(sameWallClock(CPH, 'Europe/London', NOW)).toBe(false);
  });
});
