import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateMeeting } from '../api/create-meeting';
import { checkOneOffForm, type OneOffField, type OneOffFormValues, type Problem } from '../schedule-form';
import { InputField, useProblemText } from './form-fields';
import { OptionalFields } from './series-form';
import { DateField, TimeField } from '../../../components/ui/date-time-fields';

const EMPTY: OneOffFormValues = { date: '', time: '', durationMinutes: '90', title: '', capacity: '' };

/** One meeting outside any series, on the group's wall clock. */
export function OneOffForm({ group }: { group: Group }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [values, setValues] = useState<OneOffFormValues>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<OneOffField, Problem>>>({});
  const mutation = useCreateMeeting(group.id);
  const set = (field: OneOffField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: OneOffField) => problemText(problems[field]);

  return (
    <Panel title={t('scheduling.schedule.oneOff.title')}>
      <p>{t('scheduling.schedule.oneOff.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (mutation.isPending) return;
          const checked = checkOneOffForm(values, group.timezone, new Date());
          if (!checked.ok) {
            setProblems(checked.problems);
            return;
          }
          setProblems({});
          mutation.mutate(checked.body, { onSuccess: () => setValues(EMPTY) });
        }}
      >
        {Object.keys(problems).length > 0 ? <Notice tone="error">{t('errors.VALIDATION')}</Notice> : null}
        {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
        {mutation.isSuccess ? <Notice tone="success">{t('scheduling.schedule.oneOff.created')}</Notice> : null}
        <DateField
          label={t('scheduling.schedule.oneOff.date')}
          name="date"
          value={values.date}
          onChange={set('date')}
          error={error('date')}
          isRequired
        />
        <TimeField
          label={t('scheduling.schedule.fields.time')}
          name="time"
          value={values.time}
          onChange={set('time')}
          error={error('time')}
          isRequired
        />
        <InputField
          label={t('scheduling.schedule.fields.duration')}
          name="durationMinutes"
          numeric
          value={values.durationMinutes}
          onChange={set('durationMinutes')}
          error={error('durationMinutes')}
          isRequired
        />
        <OptionalFields
          group={group}
          title={values.title}
          capacity={values.capacity}
          onTitle={set('title')}
          onCapacity={set('capacity')}
          titleError={error('title')}
          capacityError={error('capacity')}
        />
        <Button type="submit" isBusy={mutation.isPending}>
          {mutation.isPending ? t('scheduling.schedule.submitting') : t('scheduling.schedule.oneOff.submit')}
        </Button>
      </form>
    </Panel>
  );
}
