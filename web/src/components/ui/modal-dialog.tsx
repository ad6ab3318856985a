import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonVariant } from './button';
import { OverlayExtras } from './overlay-extras';

export interface ModalDialogProps {
  triggerLabel: string;
  /** A fuller name for screen readers when the visible label is short (e.g. "Mute Anna"). */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerClassName?: string;
  isDisabled?: boolean;
  title: string;
  /** `alertdialog` for a choice with consequences, `dialog` for a form. */
  role?: 'dialog' | 'alertdialog';
  children: (close: () => void) => ReactNode;
}

/** A button that opens a titled modal; the content gets `close` (a form, a confirmation, a panel). */
export function ModalDialog(props: ModalDialogProps) {
  return (
    <DialogTrigger>
      <Button
        variant={props.triggerVariant ?? 'secondary'}
        className={props.triggerClassName}
        isDisabled={props.isDisabled}
        aria-label={props.triggerAriaLabel}
      >
        {props.triggerLabel}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          {/* Inside the modal: everything outside it is made inert while it is open. */}
          <OverlayExtras />
          <Dialog className="dialog" role={props.role ?? 'dialog'}>
            {({ close }) => (
              <>
                <Heading slot="title" level={2}>
                  {props.title}
                </Heading>
                {props.children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
