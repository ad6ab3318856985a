import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Panel } from '../../../components/ui/panel';
import { useGroups } from '../api/list-groups';
import { isActive, orderMemberships, type MyMembership } from '../membership-rules';
import { MembershipItem } from './membership-item';

/** A participant's groups: each membership with its status and what they can change. */
export function MyGroupsPanel({
  memberships,
  extra,
}: {
  memberships: readonly MyMembership[];
  /** Passed to each approved membership (see MembershipItem). */
  extra?: (membership: MyMembership) => ReactNode;
}) {
  const { t } = useTranslation();
  const hasActive = memberships.some((membership) => isActive(membership.status));
  // Only groups the person still belongs to are listed by the API; others show without a name.
  const groups = useGroups();
  const names = new Map((groups.data?.items ?? []).map((group) => [group.id, group.name]));
  const ordered = orderMemberships(memberships);
  return (
    <Panel title={t('referralJourney.myGroups.title')}>
      {memberships.length === 0 ? <p>{t('referralJourney.myGroups.empty')}</p> : null}
      {hasActive && groups.isPending ? <Loading label={t('app.loading')} /> : null}
      {ordered.length > 0 && !(hasActive && groups.isPending) ? (
        <ul className="item-list" aria-label={t('referralJourney.myGroups.title')}>
          {ordered.map((membership) => (
            <MembershipItem
              key={membership.memberId}
              membership={membership}
              groupName={isActive(membership.status) ? (names.get(membership.groupId) ?? null) : null}
              extra={extra}
            />
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/join">{t('referralJourney.myGroups.joinAnother')}</Link>
      </p>
    </Panel>
  );
}
