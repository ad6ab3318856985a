import { daysAheadFor, DEFAULT_AHEAD_DAYS, MAX_AHEAD_DAYS } from './list-group-meetings';

const DAY_MS = 24 * 3600 * 1000;

describe(daysAheadFor.name, () => {
  const now = Date.parse('2027-03-15T09:00:00.000Z');

  it('keeps the usual 90 days for a meeting inside them', () => {
    expect(daysAheadFor(new Date(now + 10 * DAY_MS).toISOString(), now)).toBe(DEFAULT_AHEAD_DAYS);
  });

  it('reaches far enough to show the last meeting of a long series', () => {
    const last = new Date(now + 150.5 * DAY_MS).toISOString();
    const days = daysAheadFor(last, now);
    expect(days).toBeGreaterThanOrEqual(151);
    expect(now + days * DAY_MS).toBeGreaterThan(Date.parse(last));
  });

  it('never asks for more than one range of the API may span', () => {
    expect(daysAheadFor(new Date(now + 700 * DAY_MS).toISOString(), now)).toBe(MAX_AHEAD_DAYS);
    expect(MAX_AHEAD_DAYS + 1).toBeLessThanOrEqual(400);
  });
});
