import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { OverlayExtras } from '../../../components/ui/overlay-extras';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRaiseSafety } from '../api/raise-safety';
import { HelpLinesFromServer } from './help-lines-list';

/**
 * "I'm not safe right now": the one red button in the room (red is for safety only). It asks once,
 * tells the group's facilitators privately, and shows the help lines in any case.
 */
export function NotSafeButton({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const raise = useRaiseSafety(groupId);
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) raise.reset();
      }}
    >
      <Button variant="danger" className="not-safe-button">
        {t('moderation.member.notSafe')}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <OverlayExtras />
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2}>
                  {raise.isSuccess ? t('moderation.member.notSafeSentTitle') : t('moderation.member.notSafeTitle')}
                </Heading>
                {raise.isSuccess ? (
                  <Notice tone="success">{t('moderation.member.notSafeSent')}</Notice>
                ) : (
                  <p>{t('moderation.member.notSafeText')}</p>
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
                        variant="danger"
                        isBusy={raise.isPending}
                        onPress={() => {
                          if (!raise.isPending) raise.mutate({ kind: 'not-safe' });
                        }}
                      >
                        {t('moderation.member.notSafeConfirm')}
                      </Button>
                    </>
                  )}
                </div>
                {/* The help lines in any case: telling the facilitators is not the only way to get help. */}
                <p className="danger-now">{t('moderation.member.dangerNow')}</p>
                <HelpLinesFromServer />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
