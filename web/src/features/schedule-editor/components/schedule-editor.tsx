import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useNow } from '../../../lib/use-now';
import { toLocalDateTime } from '../../../lib/zoned-time';
import { useGroup } from '../api/get-group';
import { OneOffForm } from './one-off-form';
import { SeriesForm } from './series-form';
import { UpcomingMeetings } from './upcoming-meetings';

/** The facilitator's page for one group: plan a series or a single meeting, and move or cancel them. */
export function ScheduleEditor({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const now = useNow();

  return (
    <>
      <h1>{t('scheduling.schedule.title')}</h1>
      {group.isPending ? <Loading label={t('app.loading')} /> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.data ? (
        <>
          <p className="lead">{t('scheduling.schedule.group', { name: group.data.name })}</p>
          <p className="muted">{t('scheduling.schedule.timezone', { zone: group.data.timezone })}</p>
          <UpcomingMeetings group={group.data} now={now} />
          <SeriesForm group={group.data} today={toLocalDateTime(now, group.data.timezone).date} />
          <OneOffForm group={group.data} today={toLocalDateTime(now, group.data.timezone).date} />
        </>
      ) : null}
      <p className="aside">
        <Link to="/">{t('scheduling.schedule.back')}</Link>
      </p>
    </>
  );
}
