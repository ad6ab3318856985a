import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { CreateGroupPanel } from '../../features/groups/components/create-group-panel';
import { GroupsListPanel } from '../../features/groups/components/groups-list-panel';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** Admin: every group, and a new one. */
export function AdminGroupsRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  if (!hasPermission(account.role, 'group.edit')) return <NotFoundRoute />;
  return (
    <div className="page">
      <h1>{t('referralJourney.groups.title')}</h1>
      <p className="lead">{t('referralJourney.groups.intro')}</p>
      <GroupsListPanel />
      <CreateGroupPanel />
    </div>
  );
}
