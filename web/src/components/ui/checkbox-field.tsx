import { useId, type ReactNode } from 'react';

export interface CheckboxFieldProps {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  isDisabled?: boolean;
}

/**
 * A native checkbox (the browser's own semantics and keyboard handling) whose whole label is a
 * 44px touch target; the description is read with it.
 */
export function CheckboxField({ label, name, checked, onChange, description, isDisabled }: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = useId();
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        disabled={isDisabled}
        aria-describedby={description ? descriptionId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {description ? (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      ) : null}
    </div>
  );
}
