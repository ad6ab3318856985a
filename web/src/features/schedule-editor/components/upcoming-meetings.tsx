import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { currentLocale } from '../../../lib/i18n/i18n';
import { movedMeetingIds } from '../../../lib/meetings';
import { formatClock, formatMeetingTime } from '../../../lib/zoned-time';
import { MAX_AHEAD_DAYS, useGroupMeetings } from '../api/list-group-meetings';
import { Button } from '../../../components/ui/button';
import { type DoneKind, EditMeetingDialog } from './edit-meeting-dialog';

/**
 * The group's meetings that have not ended, on the group's wall clock, each with move / cancel;
 * `aheadDays` of them, and "show later meetings" for more.
 */
export function UpcomingMeetings({
  group,
  now,
  aheadDays,
  onShowLater,
}: {
  group: Group;
  now: Date;
  aheadDays: number;
  onShowLater: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const meetings = useGroupMeetings(group.id, aheadDays);
  const [done, setDone] = useState<DoneKind | null>(null);
  const all = meetings.data?.items ?? [];
  const moved = movedMeetingIds(all, group.timezone);
  const upcoming = all.filter((meeting) => new Date(meeting.endsAt).getTime() > now.getTime());

  return (
    <Panel title={t('scheduling.schedule.upcoming.title')}>
      <div role="status">
        {done ? <p className="notice notice-success">{t(`scheduling.schedule.done.${done}`)}</p> : null}
      </div>
      {meetings.isPending ? <Loading label={t('app.loading')} /> : null}
      {meetings.isError ? <Notice tone="error">{errorMessage(t, meetings.error)}</Notice> : null}
      {meetings.isSuccess && upcoming.length === 0 ? <p>{t('scheduling.schedule.upcoming.empty')}</p> : null}
      {upcoming.length > 0 ? (
        <ul className="meeting-list" aria-label={t('scheduling.schedule.upcoming.listLabel')}>
          {upcoming.map((meeting) => {
            const when = formatMeetingTime(meeting.startsAt, locale, group.timezone, now);
            return (
              <li key={meeting.id} className={meeting.cancelled ? 'meeting-card meeting-cancelled' : 'meeting-card'}>
                <h3 className="meeting-when">
                  {meeting.cancelled ? <del>{when}</del> : when}
                  {meeting.cancelled ? (
                    <span className="badge badge-cancelled">{t('scheduling.badge.cancelled')}</span>
                  ) : null}
                  {!meeting.cancelled && moved.has(meeting.id) ? (
                    <span className="badge">{t('scheduling.badge.moved')}</span>
                  ) : null}
                </h3>
                <p className="meeting-what">
                  <span>{meeting.title ?? t('scheduling.meetingTitle')}</span>
                  <span className="muted">
                    {meeting.scheduleId
                      ? t('scheduling.schedule.upcoming.partOfSeries')
                      : t('scheduling.schedule.upcoming.single')}
                  </span>
                </p>
                <p className="muted">
                  {t('scheduling.endsAt', { time: formatClock(meeting.endsAt, locale, group.timezone) })}
                  <br />
                  {t('scheduling.schedule.upcoming.going', { going: meeting.going, capacity: meeting.capacity })}
                </p>
                <div className="actions actions-start">
                  {meeting.cancelled ? (
                    <EditMeetingDialog kind="restore" meeting={meeting} group={group} when={when} onDone={setDone} />
                  ) : (
                    <>
                      <EditMeetingDialog kind="move" meeting={meeting} group={group} when={when} onDone={setDone} />
                      <EditMeetingDialog kind="cancel" meeting={meeting} group={group} when={when} onDone={setDone} />
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {aheadDays < MAX_AHEAD_DAYS ? (
        <Button variant="secondary" isBusy={meetings.isFetching} onPress={onShowLater}>
          {t('scheduling.schedule.upcoming.showLater')}
        </Button>
      ) : (
        <p className="muted">{t('scheduling.schedule.upcoming.allShown', { count: aheadDays })}</p>
      )}
    </Panel>
  );
}
