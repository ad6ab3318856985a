import { minutesLeft, shouldReport, shouldWarn, WARN_BEFORE_MS } from './idle-timing';

describe('idle timing', () => {
  const end = 1_000_000_000;

  it('warns only in the two minutes before the idle end', () => {
    expect(shouldWarn(end, end - WARN_BEFORE_MS - 1)).toBe(false);
    expect(shouldWarn(end, end - WARN_BEFORE_MS)).toBe(true);
    expect(shouldWarn(end, end - 1)).toBe(true);
    expect(shouldWarn(end, end)).toBe(false);
  });

  it('never warns while listening in an open room (no idle end)', () => {
    expect(shouldWarn(null, end)).toBe(false);
  });

  it('reports input at most once a minute', () => {
    expect(shouldReport(end, end + 59_999)).toBe(false);
    expect(shouldReport(end, end + 60_000)).toBe(true);
  });

  it('says how many minutes are left, rounded up', () => {
    expect(minutesLeft(end, end - 120_000)).toBe(2);
    expect(minutesLeft(end, end - 61_000)).toBe(2);
    expect(minutesLeft(end, end - 1000)).toBe(1);
  });
});
