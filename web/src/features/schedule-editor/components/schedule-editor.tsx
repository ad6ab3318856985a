import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useNow } from '../../../lib/use-now';
import { useGroup } from '../api/get-group';
import { daysAheadFor, DEFAULT_AHEAD_DAYS, MAX_AHEAD_DAYS } from '../api/list-group-meetings';
import { OneOffForm } from './one-off-form';
import { SeriesForm } from './series-form';
import { UpcomingMeetings } from './upcoming-meetings';

/**
 * The facilitator's page for one group: plan a series or a single meeting first, then the planned
 * meetings with move / cancel. A new series is shown to its last meeting, however far ahead.
 */
export function ScheduleEditor({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const now = useNow();
  const [aheadDays, setAheadDays] = useState(DEFAULT_AHEAD_DAYS);
  const showUpTo = (meetings: readonly Meeting[]) => {
    const last = meetings.at(-1);
    if (last) setAheadDays((current) => Math.max(current, daysAheadFor(last.startsAt)));
  };

  return (
    <>
      <h1>{t('scheduling.schedule.title')}</h1>
      {group.isPending ? <Loading label={t('app.loading')} /> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.data ? (
        <>
          <p className="lead">{t('scheduling.schedule.group', { name: group.data.name })}</p>
          <p className="muted">{t('scheduling.schedule.timezone', { zone: group.data.timezone })}</p>
          <SeriesForm group={group.data} onCreated={showUpTo} />
          <OneOffForm group={group.data} />
          <UpcomingMeetings
            group={group.data}
            now={now}
            aheadDays={aheadDays}
            onShowLater={() => setAheadDays((current) => Math.min(MAX_AHEAD_DAYS, current + DEFAULT_AHEAD_DAYS))}
          />
        </>
      ) : null}
      <p className="aside">
        <Link to="/">{t('scheduling.schedule.back')}</Link>
      </p>
    </>
  );
}
