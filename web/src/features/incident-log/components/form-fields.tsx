import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldBase {
  label: string;
  /** The short prompt under the label. */
  hint?: string;
  /** A translated message when the value is not acceptable. */
  error?: string | null;
  isRequired?: boolean;
}

/** Label, prompt and error wired to the input for screen readers (aria-describedby, aria-invalid). */
function useFieldIds(hint: string | undefined, error: string | null | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldLabel({ htmlFor, label, isRequired }: { htmlFor: string; label: string; isRequired?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {label}
      {isRequired ? <span className="log-required">{t('incidentLog.form.requiredMark')}</span> : null}
    </label>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={id} className="field-description">
      {hint}
    </p>
  ) : null;
}

function FieldErrorText({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export interface InputFieldProps extends FieldBase {
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'time';
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A one-line input (also the native date and time pickers, which phones handle best). */
export function InputField({
  label,
  hint,
  error,
  isRequired,
  type = 'text',
  autoComplete = 'off',
  inputRef,
  className,
  ...props
}: InputFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={ids.id} label={label} isRequired={isRequired} />
      <FieldHint id={ids.hintId} hint={hint} />
      <input
        id={ids.id}
        ref={inputRef}
        className="field-input"
        type={type}
        name={props.name}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        autoComplete={autoComplete}
        aria-required={isRequired || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        data-invalid={error ? true : undefined}
      />
      <FieldErrorText id={ids.errorId} error={error} />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldBase {
  name: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** Free text; grows with the person's words (spelling help stays on: this is prose). */
export function TextAreaField({ label, hint, error, isRequired, rows = 4, ...props }: TextAreaFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <div className="field">
      <FieldLabel htmlFor={ids.id} label={label} isRequired={isRequired} />
      <FieldHint id={ids.hintId} hint={hint} />
      <textarea
        id={ids.id}
        className="field-input log-textarea"
        name={props.name}
        value={props.value}
        rows={rows}
        onChange={(event) => props.onChange(event.target.value)}
        aria-required={isRequired || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        data-invalid={error ? true : undefined}
      />
      <FieldErrorText id={ids.errorId} error={error} />
    </div>
  );
}

export interface SelectFieldProps<T extends string> extends FieldBase {
  name: string;
  value: T | '';
  onChange: (value: T | '') => void;
  options: readonly { value: T; label: string }[];
  /** The first, empty choice ("Choose …" or "All"). */
  emptyLabel: string;
}

export function SelectField<T extends string>({
  label,
  hint,
  error,
  isRequired,
  options,
  emptyLabel,
  ...props
}: SelectFieldProps<T>) {
  const ids = useFieldIds(hint, error);
  return (
    <div className="field">
      <FieldLabel htmlFor={ids.id} label={label} isRequired={isRequired} />
      <FieldHint id={ids.hintId} hint={hint} />
      <select
        id={ids.id}
        className="field-input"
        name={props.name}
        value={props.value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          props.onChange(chosen ? chosen.value : '');
        }}
        aria-required={isRequired || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        data-invalid={error ? true : undefined}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrorText id={ids.errorId} error={error} />
    </div>
  );
}

export interface CheckboxFieldProps {
  label: string;
  hint?: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A native checkbox inside its label, so the whole line is a 44px target. */
export function CheckboxField({ label, hint, name, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="log-check">
      <label className="log-check-label" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hint ? hintId : undefined}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field-description log-check-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface RadioGroupFieldProps<T extends string> {
  legend: string;
  hint?: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
}

/** A few choices, all visible (a fieldset with a legend, announced as a group). */
export function RadioGroupField<T extends string>({
  legend,
  hint,
  name,
  value,
  onChange,
  options,
}: RadioGroupFieldProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <fieldset className="log-radios" aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-description">
          {hint}
        </p>
      ) : null}
      <div className="log-radio-options">
        {options.map((option) => (
          <label key={option.value} className="log-check-label">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A titled group of fields in the guided form. */
export function FormSection({
  title,
  intro,
  children,
  className,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={['log-section', className].filter(Boolean).join(' ')}>
      <legend className="log-section-title">{title}</legend>
      {intro ? <p className="field-description">{intro}</p> : null}
      {children}
    </fieldset>
  );
}
