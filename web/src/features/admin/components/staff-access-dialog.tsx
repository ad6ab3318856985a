import { useTranslation } from 'react-i18next';
import type { StaffItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useSetStaffDisabled } from '../api/set-staff-disabled';

/**
 * Turn a staff account off (signed out everywhere at once, cannot sign in) or on again, after
 * saying what happens. The admin's own account cannot be turned off from here.
 */
export function StaffAccessDialog({
  person,
  onDone,
}: {
  person: StaffItem;
  onDone: (done: 'disabled' | 'enabled') => void;
}) {
  const { t } = useTranslation();
  const mutation = useSetStaffDisabled();
  const disabling = !person.disabled;
  const who = person.displayName ?? person.login;
  const action = disabling ? t('staff.disable') : t('staff.enable');
  return (
    <ModalDialog
      triggerLabel={action}
      triggerAriaLabel={t('staff.actionFor', { action, name: who })}
      title={disabling ? t('staff.disableTitle', { name: who }) : t('staff.enableTitle', { name: who })}
      role="alertdialog"
    >
      {(close) => (
        <>
          <p className="what-happens">{disabling ? t('staff.disableWhat') : t('staff.enableWhat')}</p>
          {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
          <div className="actions">
            <Button variant="secondary" onPress={close} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button
              isBusy={mutation.isPending}
              onPress={() =>
                mutation.mutate(
                  { accountId: person.id, disabled: disabling },
                  {
                    onSuccess: () => {
                      close();
                      onDone(disabling ? 'disabled' : 'enabled');
                    },
                  },
                )
              }
            >
              {action}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
