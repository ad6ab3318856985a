import {
  addDays,
  dateRangeQuery,
  instantToWallTime,
  isLocalDate,
  isLocalTime,
  offsetMinutes,
  wallTimeToInstant,
} from './log-time';

const CPH = 'Europe/Copenhagen';

describe(wallTimeToInstant.name, () => {
  it('reads a winter time as UTC+1 and a summer time as UTC+2', () => {
    expect(wallTimeToInstant({ date: '2026-01-15', time: '17:30' }, CPH)).toBe('2026-01-15T16:30:00.000Z');
    expect(wallTimeToInstant({ date: '2026-07-15', time: '17:30' }, CPH)).toBe('2026-07-15T15:30:00.000Z');
  });

  it('does not depend on the zone the device is set to', () => {
    expect(wallTimeToInstant({ date: '2026-11-20', time: '08:05' }, 'America/New_York')).toBe(
      '2026-11-20T13:05:00.000Z',
    );
    expect(wallTimeToInstant({ date: '2026-11-20', time: '08:05' }, CPH)).toBe('2026-11-20T07:05:00.000Z');
  });

  it('moves a time skipped when the clocks go forward an hour later', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 02:30 never happens.
    const instant = wallTimeToInstant({ date: '2026-03-29', time: '02:30' }, CPH);
    expect(instant).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToWallTime(instant, CPH)).toEqual({ date: '2026-03-29', time: '03:30' });
  });

  it('takes the first of a time that happens twice when the clocks go back', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    const instant = wallTimeToInstant({ date: '2026-10-25', time: '02:30' }, CPH);
    expect(instant).toBe('2026-10-25T00:30:00.000Z');
    expect(instantToWallTime(instant, CPH)).toEqual({ date: '2026-10-25', time: '02:30' });
  });

  it('round-trips every quarter hour of a day across both changes', () => {
    for (const date of ['2026-03-28', '2026-03-30', '2026-10-24', '2026-10-26', '2026-12-31']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        expect(instantToWallTime(wallTimeToInstant({ date, time }, CPH), CPH)).toEqual({ date, time });
      }
    }
  });

  it('refuses what is not a date and a time', () => {
    expect(() => wallTimeToInstant({ date: '2026-02-30', time: '10:00' }, CPH)).toThrow(RangeError);
    expect(() => wallTimeToInstant({ date: '2026-02-10', time: '24:00' }, CPH)).toThrow(RangeError);
  });
});

describe(instantToWallTime.name, () => {
  it('gives the Danish date of a late-evening UTC time', () => {
    expect(instantToWallTime('2026-12-31T23:30:00.000Z', CPH)).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});

describe(offsetMinutes.name, () => {
  it('knows Danish winter and summer time', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 1), CPH)).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 6, 1), CPH)).toBe(120);
  });
});

describe('date and time checks', () => {
  it('accepts real calendar dates and 24-hour times only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-1-5')).toBe(false);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('7:30')).toBe(false);
    expect(isLocalTime('12:60')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe(dateRangeQuery.name, () => {
  it('runs from the start of the first day to the start of the day after the last, in Danish time', () => {
    expect(dateRangeQuery('2026-03-01', '2026-03-31', CPH)).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      // 1 April is summer time: midnight is 22:00 UTC the day before.
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('leaves out a side that is empty or not a date', () => {
    expect(dateRangeQuery('', '2026-06-10', CPH)).toEqual({ to: '2026-06-10T22:00:00.000Z' });
    expect(dateRangeQuery('2026-06-10', 'x', CPH)).toEqual({ from: '2026-06-09T22:00:00.000Z' });
    expect(dateRangeQuery('', '', CPH)).toEqual({});
  });
});
