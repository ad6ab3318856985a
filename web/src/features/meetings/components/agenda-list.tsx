import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useNow } from '../../../lib/use-now';
import { deviceTimeZone } from '../../../lib/zoned-time';
import { useAgenda } from '../hooks/use-agenda';
import { MeetingCard } from './meeting-card';

export interface AgendaListProps {
  memberships: readonly Membership[];
  /** Show only the first few (the home page), with a link to the page that shows all. */
  limit?: number;
  allPath?: string;
  /** Where a group's room is (for "go into the room" on a meeting in progress). */
  roomPath: (groupId: string) => string;
}

/** The member's coming meetings across their groups, in their own time, with going / not going. */
export function AgendaList({ memberships, limit, allPath, roomPath }: AgendaListProps) {
  const { t } = useTranslation();
  const now = useNow();
  const agenda = useAgenda(memberships, now);
  const zone = deviceTimeZone();
  const shown = limit === undefined ? agenda.entries : agenda.entries.slice(0, limit);

  return (
    <>
      {agenda.error ? <Notice tone="error">{errorMessage(t, agenda.error)}</Notice> : null}
      {agenda.isPending && !agenda.error ? <Loading label={t('app.loading')} /> : null}
      {!agenda.isPending && shown.length === 0 ? <p>{t('scheduling.agenda.empty')}</p> : null}
      {agenda.hasPending ? <p className="muted">{t('scheduling.agenda.pending')}</p> : null}
      {shown.length > 0 ? (
        <ul className="meeting-list" aria-label={t('scheduling.agenda.listLabel')}>
          {shown.map((entry) => (
            <MeetingCard key={entry.meeting.id} entry={entry} now={now} deviceZone={zone} roomPath={roomPath} />
          ))}
        </ul>
      ) : null}
      {allPath && shown.length < agenda.entries.length ? (
        <p>
          <Link to={allPath}>{t('scheduling.agenda.showAll')}</Link>
        </p>
      ) : null}
    </>
  );
}
