import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { formatUntil } from '../../../lib/format-until';
import { useMembers } from '../api/list-members';
import { useSummary } from '../api/get-summary';
import { actionableMembers, mutedUntil } from '../moderation-rules';
import { ActionDoneNotice, MemberActions, type MemberActionDone } from './member-actions';
import { MemberNotes } from './member-notes';

/** The group's members with mute / unmute, remove, ban, and the facilitators' private notes. */
export function ModerationMembersPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const summary = useSummary(groupId);
  const [done, setDone] = useState<{ done: MemberActionDone; name: string } | null>(null);
  const now = new Date();
  const items = actionableMembers(members.data?.items ?? []);
  return (
    <Panel title={t('moderation.members.title')}>
      <p>{t('moderation.members.intro')}</p>
      {done ? <ActionDoneNotice done={done.done} name={done.name} timeZone={timeZone} /> : null}
      {members.isPending ? <Loading label={t('app.loading')} /> : null}
      {members.isError ? <Notice tone="error">{errorMessage(t, members.error)}</Notice> : null}
      {members.isSuccess && items.length === 0 ? <p>{t('moderation.members.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.members.title')}>
          {items.map((member) => {
            const until = mutedUntil(summary.data, member.memberId, now);
            return (
              <li key={member.memberId} className="item">
                <p className="item-title">{member.displayName}</p>
                {until ? (
                  <p className="muted-mark">
                    {t('moderation.members.mutedUntil', { until: formatUntil(until, currentLocale(), now, timeZone) })}
                  </p>
                ) : null}
                <MemberActions
                  groupId={groupId}
                  member={member}
                  mutedUntil={until}
                  timeZone={timeZone}
                  onDone={(result) => setDone({ done: result, name: member.displayName })}
                />
                <MemberNotes groupId={groupId} member={member} timeZone={timeZone} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </Panel>
  );
}
