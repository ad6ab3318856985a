import { useTranslation } from 'react-i18next';
import type { ModerationLogItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useMembers } from '../api/list-members';
import { useModerationLog } from '../api/list-moderation-log';
import { nameOf } from '../moderation-rules';
import { When } from './moderation-fields';

/** The extra facts of an entry, in words (how many messages went, what changed in the room). */
function useDetails() {
  const { t } = useTranslation();
  return (entry: ModerationLogItem): string[] => {
    const details = entry.details;
    if (!details) return [];
    const lines: string[] = [];
    if (details.messagesRemoved !== undefined)
      lines.push(t('moderation.log.messagesRemoved', { count: details.messagesRemoved }));
    if (details.locked !== undefined)
      lines.push(details.locked ? t('moderation.log.locked') : t('moderation.log.unlocked'));
    if (details.slowModeSeconds !== undefined)
      lines.push(
        details.slowModeSeconds > 0
          ? t('moderation.log.slowMode', { count: details.slowModeSeconds })
          : t('moderation.log.slowModeOff'),
      );
    if (details.pinnedRulesChanged) lines.push(t('moderation.log.rulesChanged'));
    if (details.reportCategory)
      lines.push(t('moderation.log.fromReport', { category: t(`moderation.categories.${details.reportCategory}`) }));
    if (details.watchedWords !== undefined)
      lines.push(t('moderation.log.watchedWords', { count: details.watchedWords }));
    return lines;
  };
}

/** Every moderation action in the group, newest first: who, what, whom, why, when, until when. */
export function ModerationLogPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const log = useModerationLog(groupId);
  const members = useMembers(groupId);
  const details = useDetails();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Panel title={t('moderation.log.title')}>
      <p>{t('moderation.log.intro')}</p>
      {log.isPending ? <Loading label={t('app.loading')} /> : null}
      {log.isError ? <Notice tone="error">{errorMessage(t, log.error)}</Notice> : null}
      {log.isSuccess && entries.length === 0 ? <p>{t('moderation.log.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className="item-list moderation-log" aria-label={t('moderation.log.title')}>
          {entries.map((entry) => {
            const actor = entry.actorDisplayName ?? t('moderation.log.formerFacilitator');
            const target = entry.targetMemberId
              ? (nameOf(members.data?.items, entry.targetMemberId) ?? t('moderation.formerMember'))
              : null;
            return (
              <li key={entry.id} className="item">
                <p className="item-title">
                  {target
                    ? t(`moderation.log.action.${entry.action}`, { actor, target })
                    : t(`moderation.log.actionNoTarget.${entry.action}`, { actor })}
                </p>
                <p className="muted">
                  <When iso={entry.createdAt} timeZone={timeZone} />
                </p>
                {entry.expiresAt ? (
                  <p>
                    {t('moderation.log.expires', {
                      when: formatDateTime(entry.expiresAt, currentLocale(), new Date(), timeZone),
                    })}
                  </p>
                ) : null}
                {entry.reason ? <p dir="auto">{t('moderation.log.reason', { reason: entry.reason })}</p> : null}
                {details(entry).map((line) => (
                  <p key={line} className="muted">
                    {line}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      ) : null}
      {log.hasNextPage ? (
        <Button variant="secondary" isBusy={log.isFetchingNextPage} onPress={() => void log.fetchNextPage()}>
          {t('moderation.log.older')}
        </Button>
      ) : null}
    </Panel>
  );
}
