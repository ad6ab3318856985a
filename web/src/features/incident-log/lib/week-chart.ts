import type { IncidentStats } from '@tryg/shared';

export type StatsWeek = IncidentStats['weeks'][number];

/** A year of weeks keeps every bar wide enough to see on a phone; the table holds them all. */
export const CHART_MAX_WEEKS = 52;
/** About this many week labels fit under the bars on a small screen. */
const MAX_LABELS = 8;

export interface WeekBar extends StatsWeek {
  /** ISO week number, e.g. 47. */
  weekNumber: number;
  year: number;
  /** Bar height as a share of the tallest bar, 0–100. */
  percent: number;
  /** Whether this bar gets a week label under it. */
  labelled: boolean;
}

export interface WeekChart {
  bars: WeekBar[];
  /** Older weeks were left out of the chart (not of the table). */
  truncated: boolean;
  max: number;
  /** The week with the most incidents (the latest such week), or null when there are none. */
  busiest: WeekBar | null;
  /** The weeks shown span more than one year, so labels need the year. */
  spansYears: boolean;
}

/** `2026-W47` → { year: 2026, week: 47 }. */
export function parseIsoWeek(label: string): { year: number; week: number } {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) throw new RangeError(`not an ISO week: ${label}`);
  return { year: Number(match[1]), week: Number(match[2]) };
}

/** The newest weeks (the API sends every week from the first incident's to the last one's, oldest first). */
export function weekChart(weeks: StatsWeek[], maxWeeks: number = CHART_MAX_WEEKS): WeekChart {
  const shown = weeks.slice(-maxWeeks);
  const max = shown.reduce((most, week) => Math.max(most, week.count), 0);
  const every = Math.max(1, Math.ceil(shown.length / MAX_LABELS));
  const bars: WeekBar[] = shown.map((week, index) => {
    const { year, week: weekNumber } = parseIsoWeek(week.week);
    const fromEnd = shown.length - 1 - index;
    return {
      ...week,
      year,
      weekNumber,
      percent: max === 0 ? 0 : Math.round((week.count / max) * 100),
      // Counted from the newest week, so the latest one is always labelled.
      labelled: fromEnd % every === 0,
    };
  });
  let busiest: WeekBar | null = null;
  for (const bar of bars) if (bar.count > 0 && (!busiest || bar.count >= busiest.count)) busiest = bar;
  return {
    bars,
    truncated: weeks.length > shown.length,
    max,
    busiest,
    spansYears: new Set(bars.map((bar) => bar.year)).size > 1,
  };
}

/** Contact types that occurred, most frequent first (ties keep the API's order). */
export function contactTypeRows(
  contactTypes: IncidentStats['contactTypes'],
): (IncidentStats['contactTypes'][number] & { percent: number })[] {
  const max = contactTypes.reduce((most, row) => Math.max(most, row.count), 0);
  return contactTypes
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.count > 0)
    .sort((a, b) => b.row.count - a.row.count || a.index - b.index)
    .map(({ row }) => ({ ...row, percent: max === 0 ? 0 : Math.round((row.count / max) * 100) }));
}
