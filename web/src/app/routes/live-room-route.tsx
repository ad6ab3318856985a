import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { ModeratedLiveRoom, RemovedRoom } from './moderated-live-room';
import { useSignedIn } from './signed-in-layout';

/** `/groups/:groupId/room`: the group's live room, for its approved members and facilitators. */
export function LiveRoomRoute() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  // Ask "who am I" afresh on entering, so an approval that just happened lets the person in.
  const signedIn = useSignedIn();
  const fresh = useQuery({ ...meQueryOptions(), refetchOnMount: 'always' });
  const me = fresh.data ?? signedIn;
  const membership = me.memberships.find((m) => m.groupId === groupId && m.status === 'approved');
  // Taken out of the group (the notice may have been missed while away): say so, not "no access".
  const ended = me.memberships.find((m) => m.groupId === groupId && (m.status === 'removed' || m.status === 'banned'));
  if (!membership && ended && (ended.status === 'removed' || ended.status === 'banned'))
    return <RemovedRoom kind={ended.status} />;
  if (!membership) {
    return (
      <div className="page">
        <h1>{t('liveRoom.title')}</h1>
        {fresh.isFetching ? null : <Notice tone="info">{t('liveRoom.notMember')}</Notice>}
        <p>
          <Link to="/">{t('liveRoom.backHome')}</Link>
        </p>
      </div>
    );
  }
  return (
    <ModeratedLiveRoom
      key={`${groupId}:${membership.memberId}`}
      groupId={groupId}
      memberId={membership.memberId}
      displayName={membership.displayName}
      memberSince={membership.approvedAt}
      isFacilitator={me.account.role === 'facilitator'}
    />
  );
}
