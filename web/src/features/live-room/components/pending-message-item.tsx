import type { ReactNode } from 'react';
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
  /** Shown instead of the plain refusal and its buttons when given (e.g. the identifying-details step). */
  refusal?: ReactNode;
}

/** A message written here and not yet stored: sending, waiting for the connection, or refused. */
export function PendingMessageItem({ entry, myName, online, onRetry, onDiscard, refusal }: PendingMessageItemProps) {
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
      {failed && refusal ? refusal : null}
      {failed && !refusal ? (
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
