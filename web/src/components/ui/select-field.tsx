import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  /** Shown first with an empty value, e.g. "Choose a group". */
  placeholder?: string;
  errorMessage?: string | null;
}

/** A native select: on phones it opens the system's own picker, which screen readers know well. */
export function SelectField(props: SelectFieldProps) {
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
      <select
        id={id}
        className="field-input"
        name={props.name}
        value={props.value}
        required={props.isRequired}
        aria-invalid={props.errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.errorMessage ? (
        <p id={errorId} className="field-error">
          {props.errorMessage}
        </p>
      ) : null}
    </div>
  );
}
