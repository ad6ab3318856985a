import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatUntil } from '../../../lib/format-until';
import { useMembers } from '../api/list-members';
import { useSummary } from '../api/get-summary';
import { nameOf } from '../moderation-rules';
import { ActionDoneNotice, UnmuteDialog, type MemberActionDone } from './member-actions';

/** Mutes that are running now, with when each ends and a way to end it early. */
export function MutesPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const summary = useSummary(groupId);
  const members = useMembers(groupId);
  const [done, setDone] = useState<{ done: MemberActionDone; name: string } | null>(null);
  const now = new Date();
  const mutes = (summary.data?.mutes ?? []).filter((mute) => Date.parse(mute.until) > now.getTime());
  return (
    <Panel title={t('moderation.mutes.title', { count: mutes.length })}>
      {done ? <ActionDoneNotice done={done.done} name={done.name} timeZone={timeZone} /> : null}
      {summary.isSuccess && mutes.length === 0 ? <p>{t('moderation.mutes.empty')}</p> : null}
      {mutes.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.mutes.listLabel')}>
          {mutes.map((mute) => {
            const name = nameOf(members.data?.items, mute.memberId) ?? t('moderation.formerMember');
            return (
              <li key={mute.memberId} className="item item-row">
                <div>
                  <p className="item-title">{name}</p>
                  <p className="muted">
                    {t('moderation.mutes.until', { until: formatUntil(mute.until, currentLocale(), now, timeZone) })}
                  </p>
                </div>
                <UnmuteDialog
                  groupId={groupId}
                  member={{ memberId: mute.memberId, displayName: name }}
                  onDone={(result) => setDone({ done: result, name })}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
    </Panel>
  );
}
