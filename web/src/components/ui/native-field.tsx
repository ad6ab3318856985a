import { type ReactNode, useId } from 'react';

/** The ids and ARIA wiring a native control needs inside a NativeField. */
export interface NativeControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface NativeFieldProps {
  label: string;
  description?: string;
  errorMessage?: string | null;
  children: (control: NativeControlProps) => ReactNode;
}

/** Label, description and error around a native control (select, date), wired for screen readers. */
export function NativeField({ label, description, errorMessage, children }: NativeFieldProps) {
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const describedBy = [description ? descriptionId : null, errorMessage ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errorMessage ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {errorMessage ? (
        <p id={errorId} className="field-error">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
