import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRaiseSafety } from '../api/raise-safety';

export interface SafetyTarget {
  memberId: string;
  displayName: string;
}

/**
 * "I think I know this person": the facilitators are told privately, and until they decide the
 * other member cannot see me or my messages. The other member is not told.
 */
export function KnowsMemberDialog({ groupId, member }: { groupId: string; member: SafetyTarget }) {
  const { t } = useTranslation();
  const raise = useRaiseSafety(groupId);
  const name = member.displayName;
  return (
    <ModalDialog
      triggerLabel={t('moderation.member.knows')}
      triggerAriaLabel={t('moderation.member.knowsLabel', { name })}
      title={t('moderation.member.knowsTitle', { name })}
      role="alertdialog"
    >
      {(close) => (
        <>
          {raise.isSuccess ? (
            <Notice tone="success">{t('moderation.member.knowsSent', { name })}</Notice>
          ) : (
            <p>{t('moderation.member.knowsText', { name })}</p>
          )}
          {raise.isError ? <Notice tone="error">{errorMessage(t, raise.error)}</Notice> : null}
          <div className="actions">
            {raise.isSuccess ? (
              <Button variant="secondary" onPress={close} autoFocus>
                {t('moderation.member.close')}
              </Button>
            ) : (
              <>
                <Button variant="secondary" onPress={close} autoFocus>
                  {t('common.cancel')}
                </Button>
                <Button
                  isBusy={raise.isPending}
                  onPress={() => {
                    if (!raise.isPending) raise.mutate({ kind: 'knows-member', aboutMemberId: member.memberId });
                  }}
                >
                  {t('moderation.member.knowsConfirm')}
                </Button>
              </>
            )}
          </div>
        </>
      )}
    </ModalDialog>
  );
}
