import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  // The browser's own "please select" bubble speaks the browser's language: ours is said instead.
  const [missing, setMissing] = useState(false);
  const error = props.errorMessage ?? (missing && props.value === '' ? t('form.required') : null);
  return (
    <NativeField label={props.label} description={props.description} errorMessage={error}>
      {(control) => (
        <select
          {...control}
          className="field-input"
          name={props.name}
          value={props.value}
          required={props.isRequired}
          onChange={(event) => props.onChange(event.target.value)}
          onInvalid={(event) => {
            event.preventDefault();
            setMissing(true);
          }}
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
