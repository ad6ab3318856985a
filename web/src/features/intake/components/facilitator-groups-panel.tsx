import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroups } from '../api/list-groups';
import { useMembers } from '../api/list-members';
import { pendingMembers } from '../intake-rules';

function GroupItem({ group }: { group: Group }) {
  const { t } = useTranslation();
  const members = useMembers(group.id);
  const waiting = pendingMembers(members.data?.items ?? []).length;
  return (
    <li className="item">
      <p className="item-title">{group.name}</p>
      {members.isSuccess ? (
        <p className={waiting > 0 ? 'waiting-mark' : 'muted'}>
          {waiting > 0
            ? t('referralJourney.intake.waiting', { count: waiting })
            : t('referralJourney.intake.nobodyWaiting')}
        </p>
      ) : null}
      <p>
        <Link to={`/intake/${group.id}`}>{t('referralJourney.intake.openGroup', { name: group.name })}</Link>
      </p>
    </li>
  );
}

/** On the facilitator's home: their groups, how many people wait in each, and the way to intake. */
export function FacilitatorGroupsPanel() {
  const { t } = useTranslation();
  const groups = useGroups();
  const items = groups.data?.items ?? [];
  return (
    <Panel title={t('referralJourney.intake.homeTitle')}>
      {groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {groups.isError ? <Notice tone="error">{errorMessage(t, groups.error)}</Notice> : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('referralJourney.intake.noGroups')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('referralJourney.intake.homeTitle')}>
          {items.map((group) => (
            <GroupItem key={group.id} group={group} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
