import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { useGroups } from '../api/list-groups';
import { neutraliseBidi } from '../inert-text';

/** Links to the group rooms I can enter: those of my approved memberships (members and facilitators). */
export function RoomLinksPanel({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation();
  const approved = memberships.filter((membership) => membership.status === 'approved');
  const groups = useGroups(approved.length > 0);
  const names = new Map((groups.data?.items ?? []).map((group) => [group.id, group.name]));
  const rooms = approved.filter((membership) => names.has(membership.groupId));
  // Nobody approved yet: the person's groups panel already says where they stand.
  if (approved.length === 0) return null;
  return (
    <Panel title={t('liveRoom.myRooms.title')}>
      <p>{t('liveRoom.myRooms.intro')}</p>
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isError ? <Notice tone="error">{t('liveRoom.myRooms.loadFailed')}</Notice> : null}
      {rooms.length > 0 ? (
        <ul className="room-links">
          {rooms.map((membership) => (
            <li key={membership.memberId}>
              <Link to={`/groups/${membership.groupId}/room`} dir="auto">
                {t('liveRoom.myRooms.open', { name: neutraliseBidi(names.get(membership.groupId) ?? '') })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
