import { useTranslation } from 'react-i18next';
import type { Membership } from '@tryg/shared';
import { Panel } from '../../../components/ui/panel';
import { AgendaList } from './agenda-list';

/** On the member's home page: the next few meetings, so the next one is always the first thing in sight. */
export function AgendaPanel({
  memberships,
  allPath,
  roomPath,
}: {
  memberships: readonly Membership[];
  allPath: string;
  roomPath: (groupId: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Panel title={t('scheduling.agenda.title')}>
      <AgendaList memberships={memberships} limit={3} allPath={allPath} roomPath={roomPath} />
    </Panel>
  );
}
