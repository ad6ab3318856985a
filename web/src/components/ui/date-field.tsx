import { NativeField } from './native-field';

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
  return (
    <NativeField label={props.label} description={props.description} errorMessage={props.errorMessage}>
      {(control) => (
        <input
          {...control}
          type="date"
          className="field-input"
          name={props.name}
          value={props.value}
          min={props.min}
          max={props.max}
          required={props.isRequired}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </NativeField>
  );
}
