import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonVariant } from './button';
import { OverlayExtras } from './overlay-extras';

export interface ConfirmDialogProps {
  triggerLabel: string;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  triggerVariant?: ButtonVariant;
  isDisabled?: boolean;
}

/** Says what a destructive action will do before it happens. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <DialogTrigger>
      <Button variant={props.triggerVariant ?? 'secondary'} isDisabled={props.isDisabled}>
        {props.triggerLabel}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          {/* Inside the modal: everything outside it is made inert while it is open. */}
          <OverlayExtras />
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2}>
                  {props.title}
                </Heading>
                <p>{props.text}</p>
                <div className="actions">
                  <Button variant="secondary" onPress={close} autoFocus>
                    {props.cancelLabel}
                  </Button>
                  <Button
                    variant="primary"
                    onPress={() => {
                      props.onConfirm();
                      close();
                    }}
                  >
                    {props.confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
