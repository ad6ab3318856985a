import { useTranslation } from 'react-i18next';
import { AgendaList } from '../../features/meetings/components/agenda-list';
import { pathTo } from '../pages';
import { useSignedIn } from './signed-in-layout';

/** All of the member's coming sessions ("møder"), across their groups. */
export function MeetingsRoute() {
  const { t } = useTranslation();
  const { memberships } = useSignedIn();
  return (
    <div className="page">
      <h1>{t('scheduling.agenda.pageTitle')}</h1>
      <p>{t('scheduling.agenda.intro')}</p>
      <AgendaList memberships={memberships} roomPath={(groupId) => pathTo('room', { groupId })} />
    </div>
  );
}
