import type { Message } from '@tryg/shared';
import { useTranslation } from 'react-i18next';
import { ReportMessageDialog } from './report-message-dialog';

/** A member's button on someone else's message: report it to the group's facilitators. */
export function MemberMessageActions({
  groupId,
  message,
  myMemberId,
}: {
  groupId: string;
  message: Message;
  myMemberId: string;
}) {
  const { t } = useTranslation();
  if (message.memberId === myMemberId || message.removed !== null || message.status !== 'delivered') return null;
  return (
    <ReportMessageDialog
      groupId={groupId}
      messageId={message.id}
      authorName={message.displayName ?? t('moderation.formerMember')}
    />
  );
}
