import type { ReactNode } from 'react';
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  FieldError,
  Label,
  Text,
  TimeField as AriaTimeField,
} from 'react-aria-components';
import './date-time-fields.css';

interface SegmentedFieldProps {
  label: string;
  /** After the label, e.g. a "required" mark. */
  labelExtra?: ReactNode;
  name: string;
  description?: string;
  /** A translated message when the value is not acceptable (the form decides; nothing of the browser's own). */
  error?: string | null;
  isRequired?: boolean;
  isDisabled?: boolean;
}

function parseOrNull<T>(value: string, parse: (text: string) => T): T | null {
  if (value === '') return null;
  try {
    return parse(value);
  } catch {
    return null;
  }
}

function Parts({ label, labelExtra, description, error }: SegmentedFieldProps) {
  return (
    <>
      <Label className="field-label">
        {label}
        {labelExtra}
      </Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <DateInput className="field-input date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}

/**
 * A date typed in parts (day, month, year) in the app's language and order — `24.03.2027` in
 * Danish — whatever language the browser speaks (React Aria's DateField, locale from the app's
 * I18nProvider). `value` is `YYYY-MM-DD`, or '' while empty or incomplete.
 */
export function DateField({
  value,
  onChange,
  ...props
}: SegmentedFieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <AriaDateField<CalendarDate>
      className="field"
      name={props.name}
      value={parseOrNull(value, parseDate)}
      onChange={(date) => onChange(date ? date.toString() : '')}
      isRequired={props.isRequired}
      isDisabled={props.isDisabled}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
    >
      <Parts {...props} />
    </AriaDateField>
  );
}

/** A time of day in parts (hours, minutes), 24-hour as the app's language writes it. `value` is `HH:mm` or ''. */
export function TimeField({
  value,
  onChange,
  ...props
}: SegmentedFieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <AriaTimeField<Time>
      className="field"
      name={props.name}
      value={parseOrNull(value, parseTime)}
      onChange={(time) => onChange(time ? time.toString().slice(0, 5) : '')}
      isRequired={props.isRequired}
      isDisabled={props.isDisabled}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      hourCycle={24}
    >
      <Parts {...props} />
    </AriaTimeField>
  );
}
