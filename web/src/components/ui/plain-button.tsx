import { useState, type ButtonHTMLAttributes } from 'react';
import type { ButtonVariant } from './button';

export interface PlainButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'> {
  variant?: ButtonVariant;
  className?: string;
  /** As Button's isBusy: presses are ignored, focus stays. */
  isBusy?: boolean;
}

/**
 * A native button in Button's look, for the header every page shows (quick exit, language, log
 * out): React Aria's press handling is a large part of the first page's JavaScript, and these need
 * none of it. Everywhere else, use Button.
 */
export function PlainButton({ variant = 'primary', className, isBusy = false, onClick, ...props }: PlainButtonProps) {
  const [hovered, setHovered] = useState(false);
  return (
    <button
      {...props}
      type="button"
      onClick={isBusy ? undefined : onClick}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      aria-disabled={isBusy || undefined}
      data-busy={isBusy || undefined}
      data-hovered={hovered || undefined}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
    />
  );
}
