import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { useDeleteMessage } from '../api/delete-message';

/** "Delete" on my own message, after saying what it does; the message becomes a tombstone for everyone. */
export function DeleteOwnMessage({
  groupId,
  messageId,
  onDeleted,
}: {
  groupId: string;
  messageId: string;
  onDeleted: (messageId: string) => void;
}) {
  const { t } = useTranslation();
  const mutation = useDeleteMessage(groupId);
  const anchor = useRef<HTMLDivElement>(null);
  return (
    <div ref={anchor} className="delete-own-message">
      <ConfirmDialog
        triggerLabel={t('liveRoom.message.delete')}
        triggerVariant="quiet"
        title={t('liveRoom.message.deleteTitle')}
        text={t('liveRoom.message.deleteText')}
        confirmLabel={t('liveRoom.message.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        isDisabled={mutation.isPending}
        onConfirm={() =>
          mutation.mutate(messageId, {
            onSuccess: () => {
              // The button goes away with the text: keep keyboard focus on the message itself.
              anchor.current?.closest('li')?.focus();
              onDeleted(messageId);
            },
          })
        }
      />
      {mutation.isError ? <Notice tone="error">{t('liveRoom.message.deleteFailed')}</Notice> : null}
    </div>
  );
}
