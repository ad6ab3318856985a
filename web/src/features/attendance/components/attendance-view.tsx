import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useNow } from '../../../lib/use-now';
import { useGroup } from '../api/get-group';
import { useAttendance } from '../api/list-attendance';
import { useRecentMeetings } from '../api/list-recent-meetings';
import { markableMeetings } from '../attendance';
import { AttendanceSummary } from './attendance-summary';
import { MarkAttendance } from './mark-attendance';

/** The facilitator's attendance page for one group. */
export function AttendanceView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const group = useGroup(groupId);
  const attendance = useAttendance(groupId);
  const meetings = useRecentMeetings(groupId, now);
  const failure = group.error ?? attendance.error ?? meetings.error;
  const ready = group.data && attendance.data && meetings.data;

  return (
    <>
      <h1>{t('scheduling.attendance.title')}</h1>
      {group.data ? <p className="lead">{t('scheduling.schedule.group', { name: group.data.name })}</p> : null}
      <p className="muted">{t('scheduling.attendance.intro')}</p>
      {failure ? <Notice tone="error">{errorMessage(t, failure)}</Notice> : null}
      {!ready && !failure ? <Loading label={t('app.loading')} /> : null}
      {group.data && attendance.data && meetings.data ? (
        <>
          <MarkAttendance
            group={group.data}
            meetings={markableMeetings(meetings.data.items, group.data.openMinutesBefore, now)}
            members={attendance.data.items}
            now={now}
          />
          <AttendanceSummary items={attendance.data.items} />
        </>
      ) : null}
      <p className="aside">
        <Link to="/">{t('scheduling.schedule.back')}</Link>
      </p>
    </>
  );
}
