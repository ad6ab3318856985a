import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { Notice } from '../../components/ui/notice';
import { useGroup } from '../../features/moderation/api/get-group';
import { GroupWatchedWordsPanel } from '../../features/moderation/components/group-watched-words-panel';
import { HeldMessagesPanel } from '../../features/moderation/components/held-messages-panel';
import { ModerationMembersPanel } from '../../features/moderation/components/members-panel';
import { ModerationLogPanel } from '../../features/moderation/components/moderation-log-panel';
import { MutesPanel } from '../../features/moderation/components/mutes-panel';
import { ReportsPanel } from '../../features/moderation/components/reports-panel';
import { RoomControlsPanel } from '../../features/moderation/components/room-controls-panel';
import { SafetyAlertsPanel } from '../../features/moderation/components/safety-alerts-panel';
import { errorMessage } from '../../lib/i18n/error-message';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

function ModerationDesk({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const timeZone = group.data?.timezone;
  return (
    <div className="page moderation-desk">
      <h1>{t('moderation.desk.title')}</h1>
      {group.data ? <p className="lead">{t('moderation.desk.groupLead', { name: group.data.name })}</p> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.isError ? null : (
        <>
          <p>
            <Link to={`/groups/${groupId}/room`}>{t('moderation.desk.toRoom')}</Link>
          </p>
          <p className="muted">{t('moderation.desk.refreshNote')}</p>
          <SafetyAlertsPanel groupId={groupId} timeZone={timeZone} />
          <ReportsPanel groupId={groupId} timeZone={timeZone} />
          <HeldMessagesPanel groupId={groupId} timeZone={timeZone} />
          <MutesPanel groupId={groupId} timeZone={timeZone} />
          <ModerationMembersPanel groupId={groupId} timeZone={timeZone} />
          <RoomControlsPanel groupId={groupId} />
          <GroupWatchedWordsPanel groupId={groupId} />
          <ModerationLogPanel groupId={groupId} timeZone={timeZone} />
        </>
      )}
    </div>
  );
}

/** `/groups/:groupId/moderation`: a group's moderation desk, for its facilitators. */
export function ModerationRoute() {
  const { account } = useSignedIn();
  const { groupId = '' } = useParams();
  if (!hasPermission(account.role, 'group.moderate')) return <NotFoundRoute />;
  return <ModerationDesk key={groupId} groupId={groupId} />;
}
