import { addCalendarDays, defaultRescreenOn } from './clients';

describe('case work dates', () => {
  it('adds calendar days across month ends and leap days', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('re-screens 90 days later by default, 30 when the risk is high', () => {
    expect(defaultRescreenOn('2027-01-05', 'standard')).toBe('2027-04-05');
    expect(defaultRescreenOn('2027-01-05', 'medium')).toBe('2027-04-05');
    expect(defaultRescreenOn('2027-02-20', 'high')).toBe('2027-03-22');
  });
});
