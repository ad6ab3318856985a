import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonVariant } from './button';
import { OverlayExtras } from './overlay-extras';
import './modal-dialog.css';

export interface ModalDialogProps {
  triggerLabel: string;
  /** A fuller name for screen readers; it must start with the visible label (WCAG 2.5.3), e.g. "Mute: Anna". */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerClassName?: string;
  isDisabled?: boolean;
  title: string;
  /** `alertdialog` for a choice with consequences, `dialog` for a form. */
  role?: 'dialog' | 'alertdialog';
  /** `sheet` rises from the bottom of a phone's screen (the room's panels); `dialog` is centred. */
  presentation?: 'dialog' | 'sheet';
  /** A close button beside the title, for panels without buttons of their own. */
  closeLabel?: string;
  children: (close: () => void) => ReactNode;
}

/** A button that opens a titled modal; the content gets `close` (a form, a confirmation, a panel). */
export function ModalDialog(props: ModalDialogProps) {
  const sheet = props.presentation === 'sheet';
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
      <ModalOverlay className={sheet ? 'modal-overlay modal-overlay-sheet' : 'modal-overlay'} isDismissable>
        <Modal className={sheet ? 'modal sheet' : 'modal'}>
          {/* Inside the modal: everything outside it is made inert while it is open. */}
          <OverlayExtras />
          <Dialog className="dialog" role={props.role ?? 'dialog'}>
            {({ close }) => (
              <>
                <div className="dialog-head">
                  <Heading slot="title" level={2}>
                    {props.title}
                  </Heading>
                  {props.closeLabel ? (
                    <Button variant="quiet" onPress={close}>
                      {props.closeLabel}
                    </Button>
                  ) : null}
                </div>
                {props.children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
