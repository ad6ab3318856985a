import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  CLIENT_LIMITS,
  RISK_LEVELS,
  SCREENING_FORMS,
  SCREENING_INSTRUMENTS,
  type RiskLevel,
  type ScreeningInstrument,
} from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { DateField } from '../../../components/ui/date-field';
import { Notice } from '../../../components/ui/notice';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateScreening } from '../api/screenings';
import {
  caseToday,
  emptyScreening,
  itemNumbers,
  screeningProblems,
  toCreateScreening,
  type ScreeningFormValues,
} from '../case-forms';
import { ScreeningAnswers } from './screening-answers';

/** A new screening: the tool (with a link to its official form), the date, the answers by number, the risk. */
export function ScreeningForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const today = caseToday();
  const create = useCreateScreening();
  const [values, setValues] = useState<ScreeningFormValues>(() => emptyScreening(today));
  const problems = screeningProblems(values, today);
  const set =
    <K extends keyof ScreeningFormValues>(field: K) =>
    (value: ScreeningFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));
  const form = SCREENING_FORMS[values.instrument];
  const problem = (field: keyof typeof problems) =>
    problems[field] ? t(`clients.screening.problems.${problems[field]}`, { max: CLIENT_LIMITS.answersMax }) : null;
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (create.isPending || Object.keys(problems).length > 0) return;
        create.mutate(
          { clientId, body: toCreateScreening(values) },
          { onSuccess: () => setValues(emptyScreening(today)) },
        );
      }}
    >
      {create.isError ? <Notice tone="error">{errorMessage(t, create.error)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t('clients.screening.added')}</Notice> : null}
      <SelectField
        label={t('clients.screening.instrument')}
        name="instrument"
        value={values.instrument}
        options={SCREENING_INSTRUMENTS.map((value) => ({ value, label: t(`clients.screening.instruments.${value}`) }))}
        onChange={(value) => {
          const instrument = value as ScreeningInstrument;
          setValues((current) => ({ ...current, instrument, itemCount: String(SCREENING_FORMS[instrument].items) }));
        }}
      />
      {form.formUrl ? (
        <p>
          <a href={form.formUrl} target="_blank" rel="noopener noreferrer">
            {t('clients.screening.officialForm', { instrument: values.instrument })}
          </a>
        </p>
      ) : null}
      <DateField
        label={t('clients.screening.screenedOn')}
        name="screenedOn"
        value={values.screenedOn}
        max={today}
        onChange={set('screenedOn')}
        isRequired
        errorMessage={problem('screenedOn')}
      />
      <TextField
        label={t('clients.screening.items')}
        name="itemCount"
        value={values.itemCount}
        onChange={set('itemCount')}
        inputMode="numeric"
        description={t('clients.screening.itemsHint', { count: form.items })}
        validate={() => problem('itemCount')}
      />
      <ScreeningAnswers
        items={itemNumbers(values.itemCount)}
        answers={values.answers}
        onChange={(item, answer) => set('answers')({ ...values.answers, [item]: answer })}
      />
      <SelectField
        label={t('clients.screening.riskLevel')}
        name="riskLevel"
        value={values.riskLevel}
        options={RISK_LEVELS.map((value) => ({ value, label: t(`clients.screening.risk.${value}`) }))}
        onChange={(value) => set('riskLevel')(value as RiskLevel)}
      />
      <DateField
        label={`${t('clients.screening.rescreenOn')} (${t('form.optional')})`}
        name="rescreenOn"
        value={values.rescreenOn}
        onChange={set('rescreenOn')}
        description={t('clients.screening.rescreenHint', {
          days: CLIENT_LIMITS.rescreenDays,
          highDays: CLIENT_LIMITS.rescreenDaysHigh,
        })}
        errorMessage={problem('rescreenOn')}
      />
      <TextAreaField
        label={`${t('clients.screening.note')} (${t('form.optional')})`}
        name="note"
        value={values.note}
        onChange={set('note')}
        rows={3}
      />
      <Button type="submit" isBusy={create.isPending}>
        {create.isPending ? t('clients.screening.adding') : t('clients.screening.add')}
      </Button>
    </Form>
  );
}
