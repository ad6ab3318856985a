import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { Notice } from '../../components/ui/notice';
import { useGroup } from '../../features/intake/api/get-group';
import { IntakeQueuePanel } from '../../features/intake/components/intake-queue-panel';
import { MembersPanel } from '../../features/intake/components/members-panel';
import { errorMessage } from '../../lib/i18n/error-message';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

function Intake({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  return (
    <div className="page">
      <h1>{t('referralJourney.intake.title')}</h1>
      {group.data ? <p className="lead">{t('referralJourney.intake.groupLead', { name: group.data.name })}</p> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.isError ? null : (
        <>
          <IntakeQueuePanel groupId={groupId} />
          <MembersPanel groupId={groupId} />
        </>
      )}
    </div>
  );
}

/** Facilitator: the people waiting to join one group, and its members. */
export function IntakeRoute() {
  const { account } = useSignedIn();
  const { groupId = '' } = useParams();
  if (!hasPermission(account.role, 'group.moderate')) return <NotFoundRoute />;
  return <Intake groupId={groupId} />;
}
