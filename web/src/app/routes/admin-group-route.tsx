import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { useGroup } from '../../features/groups/api/get-group';
import { EditGroupPanel } from '../../features/groups/components/edit-group-panel';
import { FacilitatorsPanel } from '../../features/groups/components/facilitators-panel';
import { errorMessage } from '../../lib/i18n/error-message';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

function GroupSettings({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  return (
    <div className="page">
      <h1>{t('referralJourney.groups.editTitle')}</h1>
      <p>
        <Link to="/admin/groups">{t('referralJourney.groups.backToList')}</Link>
      </p>
      {group.isPending ? <Loading label={t('app.loading')} /> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.data ? (
        <>
          <p className="lead">{group.data.name}</p>
          <EditGroupPanel key={group.data.id} group={group.data} />
          <FacilitatorsPanel groupId={group.data.id} />
        </>
      ) : null}
    </div>
  );
}

/** Admin: one group's settings and its facilitators. */
export function AdminGroupRoute() {
  const { account } = useSignedIn();
  const { groupId = '' } = useParams();
  if (!hasPermission(account.role, 'group.edit')) return <NotFoundRoute />;
  return <GroupSettings groupId={groupId} />;
}
