import { autoCancelDue, gapNoticeDue, hoursUntil } from './cover-rules';

const HOUR = 3600_000;
const NOW = new Date('2027-03-01T12:00:00.000Z');
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);
const group = { requireFacilitator: true, coverCancelHours: 24 };
const meeting = (startsInHours: number, createdHoursAgo = 24 * 14) => ({
  startsAt: at(startsInHours),
  createdAt: at(-createdHoursAgo),
  cancelled: false,
});

describe(gapNoticeDue.name, () => {
  it('is due from 72 hours before the start until the start, not earlier and not after', () => {
    expect(gapNoticeDue(meeting(72.01), group, NOW)).toBe(false);
    expect(gapNoticeDue(meeting(72), group, NOW)).toBe(true);
    expect(gapNoticeDue(meeting(1), group, NOW)).toBe(true);
    expect(gapNoticeDue(meeting(0), group, NOW)).toBe(false);
    expect(gapNoticeDue(meeting(-0.5), group, NOW)).toBe(false);
  });

  it('is never due for a cancelled meeting or a group without requireFacilitator', () => {
    expect(gapNoticeDue({ ...meeting(10), cancelled: true }, group, NOW)).toBe(false);
    expect(gapNoticeDue(meeting(10), { ...group, requireFacilitator: false }, NOW)).toBe(false);
  });
});

describe(autoCancelDue.name, () => {
  it("is due from coverCancelHours before the start, while it has not started", () => {
    expect(autoCancelDue(meeting(24.01), group, NOW)).toBe(false);
    expect(autoCancelDue(meeting(24), group, NOW)).toBe(true);
    expect(autoCancelDue(meeting(0.1), group, NOW)).toBe(true);
    expect(autoCancelDue(meeting(0), group, NOW)).toBe(false);
    expect(autoCancelDue(meeting(-0.5), group, NOW)).toBe(false);
  });

  it('never cancels a meeting created at shorter notice than coverCancelHours', () => {
    expect(autoCancelDue(meeting(10, 13.9), group, NOW)).toBe(false);
    expect(autoCancelDue(meeting(10, 14), group, NOW)).toBe(true);
  });

  it('never cancels with coverCancelHours 0, without requireFacilitator, or what is already cancelled', () => {
    expect(autoCancelDue(meeting(1), { ...group, coverCancelHours: 0 }, NOW)).toBe(false);
    expect(autoCancelDue(meeting(1), { ...group, requireFacilitator: false }, NOW)).toBe(false);
    expect(autoCancelDue({ ...meeting(1), cancelled: true }, group, NOW)).toBe(false);
  });
});

describe(hoursUntil.name, () => {
  it('rounds down to whole hours, negative once started', () => {
    expect(hoursUntil(at(71.9), NOW)).toBe(71);
    expect(hoursUntil(at(0.5), NOW)).toBe(0);
    expect(hoursUntil(at(-0.25), NOW)).toBe(-1);
  });
});
