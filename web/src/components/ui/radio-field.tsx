import { useId } from 'react';

export interface RadioOption<Value extends string> {
  value: Value;
  label: string;
  /** A line under the choice, read with it. */
  hint?: string;
}

export interface RadioFieldProps<Value extends string> {
  legend: string;
  name: string;
  value: Value;
  options: readonly RadioOption<Value>[];
  onChange: (value: Value) => void;
}

/** A few choices, all visible: native radios under one legend, each row a 44px target. */
export function RadioField<Value extends string>({ legend, name, value, options, onChange }: RadioFieldProps<Value>) {
  const id = useId();
  return (
    <fieldset className="choice">
      <legend className="field-label">{legend}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div key={option.value} className="choice-option">
            <div className="choice-row">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
            {option.hint ? (
              <p id={`${optionId}-hint`} className="field-description">
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
