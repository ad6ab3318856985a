import { Fragment, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import type { MessageWindowView } from '../hooks/use-message-window';
import type { OutboxEntry } from '../outbox';

export interface MessageListProps {
  view: MessageWindowView;
  scrollRef: RefObject<HTMLDivElement | null>;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  earlierFailed: boolean;
  /** Written here, not yet stored: shown below the stored messages. */
  pending: readonly OutboxEntry[];
  renderMessage: (message: Message) => ReactNode;
  renderPending: (entry: OutboxEntry) => ReactNode;
  /** Where the conversation starts for this reader (e.g. "You see messages from when you joined"). */
  startText: string;
  /** Said when there is nothing (yet) to show. */
  emptyText: string;
}

/**
 * The conversation: a scrollable, keyboard-focusable region holding a bounded window of the room's
 * messages. It is not a live region; new messages are announced by a short summary elsewhere.
 */
export function MessageList({
  view,
  scrollRef,
  hasEarlier,
  loadingEarlier,
  earlierFailed,
  pending,
  renderMessage,
  renderPending,
  startText,
  emptyText,
}: MessageListProps) {
  const { t } = useTranslation();
  const canShowEarlier = view.hiddenAbove > 0 || hasEarlier;
  const empty = view.items.length === 0 && pending.length === 0;
  const waitingBelow = view.newBelow + (view.following ? 0 : pending.length);
  return (
    <>
      <div
        className="message-scroll"
        ref={scrollRef}
        onScroll={view.onScroll}
        tabIndex={0}
        role="region"
        aria-label={t('liveRoom.list.label')}
      >
        {canShowEarlier ? (
          <div className="message-earlier">
            <Button variant="quiet" isBusy={loadingEarlier} onPress={() => void view.showEarlierMessages()}>
              {loadingEarlier ? t('liveRoom.list.loadingEarlier') : t('liveRoom.list.showEarlier')}
            </Button>
          </div>
        ) : (
          <p className="message-start">{startText}</p>
        )}
        {earlierFailed ? <Notice tone="error">{t('liveRoom.list.earlierFailed')}</Notice> : null}
        {empty ? <p className="message-start">{emptyText}</p> : null}
        <ol className="message-list">
          {view.items.map((message) => (
            <Fragment key={message.id}>{renderMessage(message)}</Fragment>
          ))}
          {view.following
            ? pending.map((entry) => <Fragment key={entry.clientMessageId}>{renderPending(entry)}</Fragment>)
            : null}
        </ol>
      </div>
      {view.following ? null : (
        <div className="message-jump">
          {waitingBelow > 0 ? <span>{t('liveRoom.list.newBelow', { count: waitingBelow })}</span> : null}
          <Button variant="secondary" onPress={() => view.jumpToLatest(true)}>
            {t('liveRoom.list.jumpToLatest')}
          </Button>
        </div>
      )}
    </>
  );
}
