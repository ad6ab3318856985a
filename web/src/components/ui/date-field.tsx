import { useId } from 'react';

export interface DateFieldProps {
  label: string;
  name: string;
  /** `YYYY-MM-DD` or '' for none. */
  value: string;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  min?: string;
  max?: string;
  errorMessage?: string | null;
}

/** A native date input: phones open their own date picker, which screen readers know well. */
export function DateField(props: DateFieldProps) {
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const describedBy = [props.description ? descriptionId : null, props.errorMessage ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.description ? (
        <p id={descriptionId} className="field-description">
          {props.description}
        </p>
      ) : null}
      <input
        id={id}
        type="date"
        className="field-input"
        name={props.name}
        value={props.value}
        min={props.min}
        max={props.max}
        required={props.isRequired}
        aria-invalid={props.errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.errorMessage ? (
        <p id={errorId} className="field-error">
          {props.errorMessage}
        </p>
      ) : null}
    </div>
  );
}
