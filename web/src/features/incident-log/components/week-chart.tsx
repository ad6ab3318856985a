import { useTranslation } from 'react-i18next';
import type { IncidentStats } from '@tryg/shared';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatLocalDay } from '../lib/log-format';
import { parseIsoWeek, weekChart, type WeekBar } from '../lib/week-chart';

/** Bars small enough to crowd get no number on top; the table always has them. */
const MAX_NUMBERED_BARS = 16;

/**
 * Incidents per week as plain CSS bars (no chart library): the picture is one image with a
 * spoken summary, and the same numbers are in a table for screen readers and anyone who
 * prefers figures.
 */
export function WeekChart({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const chart = weekChart(stats.weeks);
  const weekName = (bar: Pick<WeekBar, 'weekNumber' | 'year'>) =>
    chart.spansYears
      ? t('incidentLog.pattern.weekYear', { week: bar.weekNumber, year: bar.year })
      : t('incidentLog.pattern.week', { week: bar.weekNumber });
  const first = chart.bars[0];
  const last = chart.bars[chart.bars.length - 1];
  const summary = [
    t('incidentLog.pattern.summaryTotal', { count: stats.total }),
    first && last
      ? t('incidentLog.pattern.summaryWeeks', {
          count: chart.bars.length,
          first: weekName(first),
          last: weekName(last),
        })
      : null,
    chart.busiest
      ? t('incidentLog.pattern.summaryBusiest', { count: chart.busiest.count, week: weekName(chart.busiest) })
      : null,
  ]
    .filter(Boolean)
    .join(' ');
  const numbered = chart.bars.length <= MAX_NUMBERED_BARS;

  return (
    <div className="log-chart">
      <p>{summary}</p>
      {chart.truncated ? (
        <p className="muted">{t('incidentLog.pattern.truncated', { count: chart.bars.length })}</p>
      ) : null}
      <div className="log-chart-frame">
        <div className="log-chart-scale" aria-hidden="true">
          <span>{chart.max}</span>
          <span>{0}</span>
        </div>
        <div className="log-chart-plot" role="img" aria-label={summary}>
          {chart.bars.map((bar) => (
            <div key={bar.week} className="log-chart-slot">
              {numbered && bar.count > 0 ? <span className="log-chart-value">{bar.count}</span> : null}
              <span
                className="log-chart-bar"
                data-empty={bar.count === 0 || undefined}
                style={{ height: bar.count === 0 ? undefined : `${bar.percent}%` }}
              />
            </div>
          ))}
        </div>
      </div>
      <div className="log-chart-axis" aria-hidden="true">
        {chart.bars.map((bar) => (
          <span key={bar.week}>{bar.labelled ? bar.weekNumber : null}</span>
        ))}
      </div>
      <p className="log-chart-axis-title muted" aria-hidden="true">
        {t('incidentLog.pattern.axis')}
      </p>
      <details className="log-chart-table">
        <summary>{t('incidentLog.pattern.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{t('incidentLog.pattern.weeksTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidentLog.pattern.weekColumn')}</th>
              <th scope="col">{t('incidentLog.pattern.startsColumn')}</th>
              <th scope="col">{t('incidentLog.pattern.countColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.weeks.map((week) => {
              const { year, week: weekNumber } = parseIsoWeek(week.week);
              return (
                <tr key={week.week}>
                  <th scope="row">{t('incidentLog.pattern.weekYear', { week: weekNumber, year })}</th>
                  <td>{formatLocalDay(week.startsOn, locale)}</td>
                  <td>{week.count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
