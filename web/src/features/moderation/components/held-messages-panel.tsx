import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useApproveMessage } from '../api/approve-message';
import { useHeldMessages } from '../api/list-held-messages';
import { QuotedMessage, When } from './moderation-fields';
import { RemoveMessageDialog } from './remove-message-dialog';

/** Messages a watched word kept back: nobody but facilitators sees them until they are let through. */
export function HeldMessagesPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const held = useHeldMessages(groupId);
  const approve = useApproveMessage(groupId);
  const items = (held.data?.items ?? []).filter((message) => message.status === 'held' && message.removed === null);
  return (
    <Panel title={t('moderation.held.title', { count: items.length })}>
      <p>{t('moderation.held.intro')}</p>
      {held.isPending ? <Loading label={t('app.loading')} /> : null}
      {held.isError ? <Notice tone="error">{errorMessage(t, held.error)}</Notice> : null}
      {approve.isError ? <Notice tone="error">{errorMessage(t, approve.error)}</Notice> : null}
      {held.isSuccess && items.length === 0 ? <p>{t('moderation.held.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.held.listLabel')}>
          {items.map((message) => (
            <li key={message.id} className="item">
              <p className="muted">
                <When iso={message.createdAt} timeZone={timeZone} />
              </p>
              <QuotedMessage body={message.body ?? message.originalBody ?? null} name={message.displayName} />
              <div className="item-actions">
                <Button
                  variant="secondary"
                  isBusy={approve.isPending && approve.variables === message.id}
                  aria-label={t('moderation.held.approveLabel', {
                    name: message.displayName ?? t('moderation.formerMember'),
                  })}
                  onPress={() => approve.mutate(message.id)}
                >
                  {t('moderation.held.approve')}
                </Button>
                <RemoveMessageDialog groupId={groupId} messageId={message.id} authorName={message.displayName} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
