import { NativeField } from './native-field';

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
  return (
    <NativeField label={props.label} description={props.description} errorMessage={props.errorMessage}>
      {(control) => (
        <select
          {...control}
          className="field-input"
          name={props.name}
          value={props.value}
          required={props.isRequired}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </NativeField>
  );
}
