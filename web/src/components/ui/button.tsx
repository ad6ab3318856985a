import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'isPending'> {
  variant?: ButtonVariant;
  className?: string;
  /**
   * Busy with the action it started: presses are ignored but the button keeps focus. (React
   * Aria's own isPending announces through nodes that outlive the button, which axe flags.)
   * Forms must also ignore a submit while busy.
   */
  isBusy?: boolean;
}

/** React Aria's button (press handling, focus ring) in our look. Red is for safety actions only. */
export function Button({ variant = 'primary', className, isBusy = false, onPress, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      onPress={isBusy ? undefined : onPress}
      aria-disabled={isBusy || undefined}
      data-busy={isBusy || undefined}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
    />
  );
}
