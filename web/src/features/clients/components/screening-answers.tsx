import { useTranslation } from 'react-i18next';
import { SCREENING_ANSWERS, type ScreeningAnswer } from '@tryg/shared';

export interface ScreeningAnswersProps {
  items: string[];
  answers: Record<string, ScreeningAnswer>;
  onChange: (item: string, answer: ScreeningAnswer) => void;
}

/**
 * One row per item number with yes / no / don't know. Only numbers: the questions' wording belongs
 * to the instrument's publisher and is read from the official form.
 */
export function ScreeningAnswers({ items, answers, onChange }: ScreeningAnswersProps) {
  const { t } = useTranslation();
  return (
    <div className="screening-answers">
      {items.map((item) => (
        <fieldset key={item} className="screening-item">
          <legend>{t('clients.screening.item', { number: item })}</legend>
          <div className="screening-options">
            {SCREENING_ANSWERS.map((answer) => {
              const id = `screening-item-${item}-${answer}`;
              return (
                <span key={answer} className="screening-option">
                  <input
                    id={id}
                    type="radio"
                    name={`item-${item}`}
                    value={answer}
                    checked={(answers[item] ?? 'unknown') === answer}
                    onChange={() => onChange(item, answer)}
                  />
                  <label htmlFor={id}>{t(`clients.screening.answers.${answer}`)}</label>
                </span>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
