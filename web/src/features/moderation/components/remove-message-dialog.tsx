import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRemoveMessage } from '../api/remove-message';
import { ReasonField } from './moderation-fields';

export interface RemoveMessageDialogProps {
  groupId: string;
  messageId: string;
  /** The writer's pseudonym (null: a former member). */
  authorName: string | null;
  onRemoved?: () => void;
}

/** Remove someone's message with a reason: the group sees a note instead of the text; facilitators keep both. */
export function RemoveMessageDialog({ groupId, messageId, authorName, onRemoved }: RemoveMessageDialogProps) {
  const { t } = useTranslation();
  const name = authorName ?? t('moderation.formerMember');
  return (
    <ModalDialog
      triggerLabel={t('moderation.message.remove')}
      triggerAriaLabel={t('moderation.message.removeLabel', { name })}
      title={t('moderation.message.removeTitle')}
      role="alertdialog"
    >
      {(close) => <RemoveMessageForm groupId={groupId} messageId={messageId} close={close} onRemoved={onRemoved} />}
    </ModalDialog>
  );
}

function RemoveMessageForm({
  groupId,
  messageId,
  close,
  onRemoved,
}: {
  groupId: string;
  messageId: string;
  close: () => void;
  onRemoved?: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRemoveMessage(groupId);
  const [reason, setReason] = useState('');
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        mutation.mutate(
          { messageId, reason: reason.trim() },
          {
            onSuccess: () => {
              close();
              onRemoved?.();
            },
          },
        );
      }}
    >
      <p className="what-happens">{t('moderation.message.removeWhat')}</p>
      <ReasonField value={reason} onChange={setReason} />
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <div className="actions">
        <Button variant="secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={mutation.isPending}>
          {t('moderation.message.removeConfirm')}
        </Button>
      </div>
    </Form>
  );
}
