import { Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FieldErrorText } from './field-error-text';

export interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  maxLength?: number;
  rows?: number;
  /** Returns a translated message when the value is not acceptable. */
  validate?: (value: string) => string | null | undefined;
}

/** A labelled multi-line input with its description and error, wired for screen readers by React Aria. */
export function TextAreaField({ label, description, rows = 4, ...props }: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <TextArea className="field-input field-textarea" rows={rows} />
      <FieldErrorText />
    </AriaTextField>
  );
}
