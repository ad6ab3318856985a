import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useMembers } from '../api/list-members';
import { sortMembers } from '../intake-rules';

/** Everyone in the group and everyone who asked, by pseudonym, with their status in words. */
export function MembersPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const items = sortMembers(members.data?.items ?? []);
  return (
    <Panel title={t('referralJourney.intake.membersTitle')}>
      {members.isPending ? <Loading label={t('app.loading')} /> : null}
      {members.isError ? <Notice tone="error">{errorMessage(t, members.error)}</Notice> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('referralJourney.intake.membersTitle')}>
          {items.map((member) => (
            <li key={member.memberId} className="item item-row">
              <span className="item-title">{member.displayName}</span>
              <span className="muted">
                {member.role === 'facilitator'
                  ? t('referralJourney.intake.roleFacilitator')
                  : t(`referralJourney.intake.memberStatus.${member.status}`)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
