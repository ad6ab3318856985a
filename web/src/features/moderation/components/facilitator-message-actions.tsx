import { useTranslation } from 'react-i18next';
import type { Message } from '@tryg/shared';
import { useMembers } from '../api/list-members';
import { useSummary } from '../api/get-summary';
import { mutedUntil } from '../moderation-rules';
import { MuteDialog, UnmuteDialog } from './member-actions';
import { RemoveMessageDialog } from './remove-message-dialog';

/**
 * A facilitator's buttons on someone else's message in the room: remove it (with a reason), and
 * mute or unmute its writer. Remove and ban stay in the members panel, one step further away.
 */
export function FacilitatorMessageActions({
  groupId,
  message,
  timeZone,
}: {
  groupId: string;
  message: Message;
  timeZone?: string;
}) {
  const members = useMembers(groupId);
  const summary = useSummary(groupId);
  const author = members.data?.items.find((member) => member.memberId === message.memberId);
  const canActOnAuthor = author !== undefined && author.role === 'member' && author.status === 'approved';
  const until = author ? mutedUntil(summary.data, author.memberId, new Date()) : null;
  return (
    <>
      {message.removed === null ? (
        <RemoveMessageDialog groupId={groupId} messageId={message.id} authorName={message.displayName} />
      ) : null}
      {canActOnAuthor ? (
        until ? (
          <UnmuteDialog groupId={groupId} member={author} />
        ) : (
          <MuteDialog groupId={groupId} member={author} timeZone={timeZone} />
        )
      ) : null}
    </>
  );
}

/** What facilitators still see of a removed message: the original text and the reason. */
export function RemovedMessageDetails({ message }: { message: Message }) {
  const { t } = useTranslation();
  const original = message.originalBody ?? null;
  const reason = message.removalReason ?? null;
  if (message.removed !== 'facilitator' || (original === null && reason === null)) return null;
  return (
    <div className="removed-details">
      <p className="private-mark">{t('moderation.message.onlyFacilitators')}</p>
      {original !== null ? <p dir="auto">{t('moderation.message.original', { text: original })}</p> : null}
      {reason ? <p dir="auto">{t('moderation.message.reason', { reason })}</p> : null}
    </div>
  );
}
