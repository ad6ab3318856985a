import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../schedule-form';

/** Words for a field's problem, in the person's language. */
export function useProblemText(): (problem: Problem | undefined) => string | undefined {
  const { t } = useTranslation();
  return (problem) => {
    if (!problem) return undefined;
    switch (problem.key) {
      case 'durationRange':
        return t('scheduling.schedule.problems.durationRange', { min: problem.min, max: problem.max });
      case 'countRange':
        return t('scheduling.schedule.problems.countRange', { max: problem.max });
      case 'capacityRange':
        return t('scheduling.schedule.problems.capacityRange', { max: problem.max });
      case 'titleLength':
        return t('scheduling.schedule.problems.titleLength', { max: problem.max });
      case 'dateRequired':
      case 'timeRequired':
      case 'untilBeforeStart':
      case 'inPast':
      case 'nothingChanged':
        return t(`scheduling.schedule.problems.${problem.key}`);
    }
  };
}

export interface InputFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Native date and time pickers: the phone's own, in the phone's language. */
  type?: 'text' | 'date' | 'time';
  description?: string;
  error?: string;
  isRequired?: boolean;
  numeric?: boolean;
  min?: string;
}

/** A labelled native input with its description and error tied to it for screen readers. */
export function InputField({
  label,
  name,
  value,
  onChange,
  type = 'text',
  description,
  error,
  isRequired,
  numeric,
  min,
}: InputFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        className="field-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-invalid={error ? true : undefined}
        required={isRequired}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        min={min}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface ChoiceOption<Value extends string> {
  value: Value;
  label: string;
  hint?: string;
}

/** A set of radio buttons under one legend (native, so every screen reader knows it). */
export function ChoiceField<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: Value;
  options: readonly ChoiceOption<Value>[];
  onChange: (value: Value) => void;
}) {
  const id = useId();
  return (
    <fieldset className="choice">
      <legend className="field-label">{legend}</legend>
      {options.map((option) => (
        <ChoiceRow key={option.value} id={`${id}-${option.value}`} hint={option.hint}>
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </ChoiceRow>
      ))}
    </fieldset>
  );
}

function ChoiceRow({ id, hint, children }: { id: string; hint?: string; children: ReactNode }) {
  return (
    <div className="choice-option">
      <div className="choice-row">{children}</div>
      {hint ? (
        <p id={`${id}-hint`} className="field-description">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
