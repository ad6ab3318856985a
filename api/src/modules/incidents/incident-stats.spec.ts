import { incidentStats, isoWeekLabel } from './incident-stats';

const CPH = 'Europe/Copenhagen';

describe(incidentStats.name, () => {
  it('labels ISO weeks across a year boundary by their Thursday', () => {
    expect(isoWeekLabel(new Date('2025-12-29T00:00:00.000Z'))).toBe('2026-W01');
    expect(isoWeekLabel(new Date('2026-12-28T00:00:00.000Z'))).toBe('2026-W53');
    expect(isoWeekLabel(new Date('2027-01-04T00:00:00.000Z'))).toBe('2027-W01');
  });

  it('counts per local week (Copenhagen), fills empty weeks, and counts every contact type', () => {
    const sut = incidentStats(
      [
        // 23:30 UTC on Sunday 27 December 2026 is Monday 28 December in Copenhagen.
        { occurredAt: '2026-12-27T23:30:00.000Z', contactType: 'call' },
        { occurredAt: '2026-12-20T12:00:00.000Z', contactType: 'call' },
        { occurredAt: '2027-01-12T12:00:00.000Z', contactType: 'damage' },
      ],
      CPH,
    );
    expect(sut.total).toBe(3);
    expect(sut.weeks).toEqual([
      { week: '2026-W51', startsOn: '2026-12-14', count: 1 },
      { week: '2026-W52', startsOn: '2026-12-21', count: 0 },
      { week: '2026-W53', startsOn: '2026-12-28', count: 1 },
      { week: '2027-W01', startsOn: '2027-01-04', count: 0 },
      { week: '2027-W02', startsOn: '2027-01-11', count: 1 },
    ]);
    expect(sut.contactTypes.find((c) => c.contactType === 'call')?.count).toBe(2);
    expect(sut.contactTypes.find((c) => c.contactType === 'damage')?.count).toBe(1);
    expect(sut.contactTypes).toHaveLength(11);
  });

  it('has no weeks for an empty log', () => {
    expect(incidentStats([], CPH).weeks).toEqual([]);
  });
});
