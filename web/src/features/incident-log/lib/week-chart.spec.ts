import type { IncidentStats } from '@tryg/shared';
import { contactTypeRows, parseIsoWeek, weekChart, type StatsWeek } from './week-chart';

function weeks(counts: number[], firstWeek = 1, year = 2026): StatsWeek[] {
  return counts.map((count, i) => ({
    week: `${year}-W${String(firstWeek + i).padStart(2, '0')}`,
    startsOn: '2026-01-05',
    count,
  }));
}

describe(weekChart.name, () => {
  it('scales bars to the busiest week and names it (the latest of equals)', () => {
    const chart = weekChart(weeks([1, 4, 0, 2, 4]));
    expect(chart.bars.map((bar) => bar.percent)).toEqual([25, 100, 0, 50, 100]);
    expect(chart.max).toBe(4);
    expect(chart.busiest?.week).toBe('2026-W05');
    expect(chart.truncated).toBe(false);
  });

  it('keeps the newest weeks when there are more than fit', () => {
    const chart = weekChart(weeks([9, 1, 2, 3]), 3);
    expect(chart.bars.map((bar) => bar.week)).toEqual(['2026-W02', '2026-W03', '2026-W04']);
    expect(chart.truncated).toBe(true);
    // The busiest week was cut off: the scale follows what is shown.
    expect(chart.max).toBe(3);
  });

  it('labels about eight weeks, always including the newest', () => {
    const chart = weekChart(weeks(Array.from({ length: 20 }, () => 1)));
    const labelled = chart.bars.filter((bar) => bar.labelled).map((bar) => bar.weekNumber);
    expect(labelled).toEqual([2, 5, 8, 11, 14, 17, 20]);
    expect(weekChart(weeks([1, 2, 3])).bars.every((bar) => bar.labelled)).toBe(true);
  });

  it('has no busiest week and flat bars when nothing happened', () => {
    const chart = weekChart([]);
    expect(chart).toMatchObject({ bars: [], max: 0, busiest: null, spansYears: false });
  });

  it('notices when the weeks span a new year', () => {
    const chart = weekChart([
      { week: '2026-W53', startsOn: '2026-12-28', count: 1 },
      { week: '2027-W01', startsOn: '2027-01-04', count: 2 },
    ]);
    expect(chart.spansYears).toBe(true);
    expect(chart.bars.map((bar) => [bar.year, bar.weekNumber])).toEqual([
      [2026, 53],
      [2027, 1],
    ]);
  });
});

describe(parseIsoWeek.name, () => {
  it('reads the API week label and refuses anything else', () => {
    expect(parseIsoWeek('2026-W07')).toEqual({ year: 2026, week: 7 });
    expect(() => parseIsoWeek('2026-07')).toThrow(RangeError);
  });
});

describe(contactTypeRows.name, () => {
  it('lists the types that occurred, most frequent first, ties in the API order', () => {
    const contactTypes: IncidentStats['contactTypes'] = [
      { contactType: 'call', count: 2 },
      { contactType: 'sms', count: 5 },
      { contactType: 'email', count: 0 },
      { contactType: 'threat', count: 2 },
    ];
    expect(contactTypeRows(contactTypes)).toEqual([
      { contactType: 'sms', count: 5, percent: 100 },
      { contactType: 'call', count: 2, percent: 40 },
      { contactType: 'threat', count: 2, percent: 40 },
    ]);
  });
});
