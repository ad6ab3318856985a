import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { OutboxEntry } from '../outbox';
import { AuthorName, ContentWarningGate } from './message-item';
import { MessageText } from './message-text';

const KNOWN_REFUSALS = [
  'ROOM_CLOSED',
  'ROOM_LOCKED',
  'WAITING_FOR_FACILITATOR',
  'MUTED',
  'SLOW_MODE',
  'RATE_LIMITED',
  'IDENTIFYING_INFO',
  'VALIDATION',
  'UNAVAILABLE',
] as const;
type KnownRefusal = (typeof KNOWN_REFUSALS)[number];

function isKnownRefusal(code: string | null): code is KnownRefusal {
  return (KNOWN_REFUSALS as readonly (string | null)[]).includes(code);
}

export interface PendingMessageItemProps {
  entry: OutboxEntry;
  myName: string;
  online: boolean;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
  /** A question about it waits beside the composer (e.g. the identifying-details step): no buttons here. */
  asked?: boolean;
}

/** A message written here and not yet stored: sending, waiting for the connection, or refused. */
export function PendingMessageItem({
  entry,
  myName,
  online,
  onRetry,
  onDiscard,
  asked = false,
}: PendingMessageItemProps) {
  const { t } = useTranslation();
  const failed = entry.state === 'failed';
  const state = failed
    ? t('liveRoom.message.notSent', {
        reason: isKnownRefusal(entry.error) ? t(`liveRoom.sendError.${entry.error}`) : t('liveRoom.sendError.generic'),
      })
    : online
      ? t('liveRoom.message.sending')
      : t('liveRoom.message.queued');
  return (
    <li className={failed ? 'message message-own message-failed' : 'message message-own message-pending'}>
      <p className="message-meta">
        <AuthorName name={myName} />
        {failed ? null : <span className="message-state">{state}</span>}
      </p>
      {entry.contentWarning ? (
        <ContentWarningGate warning={entry.contentWarning}>
          <MessageText text={entry.body} />
        </ContentWarningGate>
      ) : (
        <MessageText text={entry.body} />
      )}
      {failed && asked ? <p className="message-state">{t('liveRoom.message.askedBelow')}</p> : null}
      {failed && !asked ? (
        <>
          <p className="message-error" role="alert">
            {state}
          </p>
          <div className="message-actions">
            <Button variant="secondary" onPress={() => onRetry(entry.clientMessageId)}>
              {t('liveRoom.message.retry')}
            </Button>
            <Button variant="quiet" onPress={() => onDiscard(entry.clientMessageId)}>
              {t('liveRoom.message.discard')}
            </Button>
          </div>
        </>
      ) : null}
    </li>
  );
}
