import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDeleteIncident } from '../api/delete-incident';

/** Says plainly what deleting does: the words and files go, a fingerprint stays in the chain. */
export function DeleteIncidentButton({ entryId, onDeleted }: { entryId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const mutation = useDeleteIncident();
  return (
    <>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <ConfirmDialog
        triggerLabel={t('incidentLog.delete.button')}
        title={t('incidentLog.delete.title')}
        text={t('incidentLog.delete.text')}
        confirmLabel={t('incidentLog.delete.confirm')}
        cancelLabel={t('common.cancel')}
        isDisabled={mutation.isPending}
        onConfirm={() => mutation.mutate(entryId, { onSuccess: onDeleted })}
      />
    </>
  );
}
