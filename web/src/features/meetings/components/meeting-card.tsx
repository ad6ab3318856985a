import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatClock, formatMeetingTime, sameWallClock } from '../../../lib/zoned-time';
import type { AgendaEntry } from '../agenda';
import { RsvpButtons } from './rsvp-buttons';
import './meeting-now.css';

/**
 * One upcoming meeting: when it is in the member's own time (and in the group's, when that
 * differs), what it is, whether it was cancelled or moved, and their answer.
 */
export function MeetingCard({
  entry,
  now,
  deviceZone,
  roomPath,
}: {
  entry: AgendaEntry;
  now: Date;
  deviceZone: string;
  /** Where the group's room is: a meeting in progress offers the way in first. */
  roomPath: (groupId: string) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { meeting, group } = entry;
  const when = formatMeetingTime(meeting.startsAt, locale, deviceZone, now);
  const showGroupTime = !sameWallClock(deviceZone, group.timezone, meeting.startsAt);

  return (
    <li className={meeting.cancelled ? 'meeting-card meeting-cancelled' : 'meeting-card'}>
      <h3 className="meeting-when">
        {meeting.cancelled ? <del>{when}</del> : when}
        {meeting.cancelled ? <span className="badge badge-cancelled">{t('scheduling.badge.cancelled')}</span> : null}
        {!meeting.cancelled && entry.moved ? <span className="badge">{t('scheduling.badge.moved')}</span> : null}
        {!meeting.cancelled && entry.inProgress ? <span className="badge">{t('scheduling.badge.now')}</span> : null}
      </h3>
      <p className="meeting-what">
        <span>{meeting.title ?? t('scheduling.meetingTitle')}</span>
        <span className="muted">{group.name}</span>
      </p>
      <p className="muted">
        {t('scheduling.endsAt', { time: formatClock(meeting.endsAt, locale, deviceZone) })}
        {showGroupTime ? (
          <>
            <br />
            {t('scheduling.groupTime', { time: formatMeetingTime(meeting.startsAt, locale, group.timezone, now) })}
          </>
        ) : null}
      </p>
      {meeting.cancelled ? (
        <p>{t('scheduling.agenda.cancelledText')}</p>
      ) : (
        <>
          {entry.moved ? <p>{t('scheduling.agenda.movedText')}</p> : null}
          {/* Facilitator cover: members see only that someone has taken the meeting, never who. */}
          {group.requireFacilitator && meeting.covered ? <p>{t('cover.member.covered')}</p> : null}
          {entry.inProgress ? (
            <p className="meeting-now">
              <span>{t('scheduling.agenda.inProgress')}</span>{' '}
              <Link className="button button-primary" to={roomPath(meeting.groupId)}>
                {t('scheduling.agenda.enterRoom')}
              </Link>
            </p>
          ) : null}
          <RsvpButtons meeting={meeting} label={t('scheduling.agenda.answerLabel', { time: when })} />
        </>
      )}
    </li>
  );
}
