import { Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';
import { FieldErrorText } from './field-error-text';

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  description?: string;
  isRequired?: boolean;
  /** Returns a translated message when the value is not acceptable. */
  validate?: (value: string) => string | null | undefined;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric';
  spellCheck?: boolean;
}

/** A labelled input with its description and error, wired for screen readers by React Aria. */
export function TextField({
  label,
  description,
  type = 'text',
  spellCheck = false,
  inputMode,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} type={type} className="field">
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <Input
        className="field-input"
        spellCheck={spellCheck}
        autoCapitalize="none"
        autoCorrect="off"
        inputMode={inputMode}
      />
      <FieldErrorText />
    </AriaTextField>
  );
}
