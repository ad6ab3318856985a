import { useTranslation } from 'react-i18next';
import type { AttendanceItem } from '@tryg/shared';
import { Panel } from '../../../components/ui/panel';
import { showsQuietSignal } from '../attendance';

/**
 * Each member's recent attendance and how many meetings in a row they missed: a quiet signal of
 * isolation for the facilitators (never shown to members), worded without blame.
 */
export function AttendanceSummary({ items }: { items: readonly AttendanceItem[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('scheduling.attendance.summaryTitle')}>
      <p>{t('scheduling.attendance.summaryIntro')}</p>
      {items.length === 0 ? <p>{t('scheduling.attendance.noMembers')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('scheduling.attendance.listLabel')}>
          <table>
            <caption className="visually-hidden">{t('scheduling.attendance.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scheduling.attendance.member')}</th>
                <th scope="col">{t('scheduling.attendance.attended')}</th>
                <th scope="col">{t('scheduling.attendance.missed')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.memberId}>
                  <th scope="row">{item.displayName}</th>
                  <td>
                    {item.recentMeetings === 0
                      ? t('scheduling.attendance.noRecentMeetings')
                      : t('scheduling.attendance.attendedOf', { attended: item.attended, total: item.recentMeetings })}
                  </td>
                  <td>
                    {t('scheduling.attendance.missedCount', { count: item.missedInARow })}
                    {showsQuietSignal(item) ? (
                      <span className="quiet-signal">{t('scheduling.attendance.notice')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
