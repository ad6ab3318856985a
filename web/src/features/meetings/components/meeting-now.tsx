import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/use-now';
import { useMeetingsOfGroups } from '../api/list-group-meetings';
import './meeting-now.css';

/** On a group card: a meeting in progress now, with the way into the room first; nothing otherwise. */
export function MeetingNow({ groupId, roomPath }: { groupId: string; roomPath: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const [meetings] = useMeetingsOfGroups([groupId]);
  const live = (meetings?.data?.items ?? []).find(
    (meeting) =>
      !meeting.cancelled && Date.parse(meeting.startsAt) <= now.getTime() && Date.parse(meeting.endsAt) > now.getTime(),
  );
  if (!live) return null;
  return (
    <p className="meeting-now">
      <span>{t('scheduling.agenda.inProgress')}</span>{' '}
      <Link className="button button-primary" to={roomPath}>
        {t('scheduling.agenda.enterRoom')}
      </Link>
    </p>
  );
}
