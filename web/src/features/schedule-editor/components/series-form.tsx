import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Meeting } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateSchedule } from '../api/create-schedule';
import { checkSeriesForm, type Problem, type SeriesField, type SeriesFormValues } from '../schedule-form';
import { ChoiceField, InputField, useProblemText } from './form-fields';
import { DateField, TimeField } from '../../../components/ui/date-time-fields';

const EMPTY: SeriesFormValues = {
  startsOn: '',
  time: '',
  durationMinutes: '90',
  frequency: 'weekly',
  ends: 'count',
  count: '10',
  until: '',
  title: '',
  capacity: '',
};

/** A weekly or every-other-week series on the group's wall clock; `onCreated` gets the meetings it made. */
export function SeriesForm({ group, onCreated }: { group: Group; onCreated: (meetings: readonly Meeting[]) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [values, setValues] = useState<SeriesFormValues>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<SeriesField, Problem>>>({});
  const mutation = useCreateSchedule(group.id);
  const set = (field: SeriesField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: SeriesField) => problemText(problems[field]);

  return (
    <Panel title={t('scheduling.schedule.series.title')}>
      <p>{t('scheduling.schedule.series.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (mutation.isPending) return;
          const checked = checkSeriesForm(values);
          if (!checked.ok) {
            setProblems(checked.problems);
            return;
          }
          setProblems({});
          mutation.mutate(checked.body, {
            onSuccess: (created) => {
              setValues(EMPTY);
              onCreated(created.meetings);
            },
          });
        }}
      >
        {Object.keys(problems).length > 0 ? <Notice tone="error">{t('errors.VALIDATION')}</Notice> : null}
        {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
        {mutation.isSuccess ? (
          <Notice tone="success">
            {t('scheduling.schedule.series.created', { count: mutation.data.meetings.length })}
          </Notice>
        ) : null}
        <DateField
          label={t('scheduling.schedule.series.startsOn')}
          name="startsOn"
          value={values.startsOn}
          onChange={set('startsOn')}
          error={error('startsOn')}
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
        <ChoiceField
          legend={t('scheduling.schedule.series.frequency')}
          name="frequency"
          value={values.frequency}
          onChange={(frequency) => setValues((current) => ({ ...current, frequency }))}
          options={[
            { value: 'weekly', label: t('scheduling.schedule.series.weekly') },
            { value: 'biweekly', label: t('scheduling.schedule.series.biweekly') },
          ]}
        />
        <ChoiceField
          legend={t('scheduling.schedule.series.ends')}
          name="ends"
          value={values.ends}
          onChange={(ends) => setValues((current) => ({ ...current, ends }))}
          options={[
            { value: 'count', label: t('scheduling.schedule.series.endsAfterCount') },
            { value: 'until', label: t('scheduling.schedule.series.endsOnDate') },
          ]}
        />
        {values.ends === 'count' ? (
          <InputField
            label={t('scheduling.schedule.series.count')}
            name="count"
            numeric
            value={values.count}
            onChange={set('count')}
            error={error('count')}
            isRequired
          />
        ) : (
          <DateField
            label={t('scheduling.schedule.series.until')}
            name="until"
            value={values.until}
            onChange={set('until')}
            error={error('until')}
            isRequired
          />
        )}
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
          {mutation.isPending ? t('scheduling.schedule.submitting') : t('scheduling.schedule.series.submit')}
        </Button>
      </form>
    </Panel>
  );
}

export function OptionalFields(props: {
  group: Group;
  title: string;
  capacity: string;
  onTitle: (value: string) => void;
  onCapacity: (value: string) => void;
  titleError?: string;
  capacityError?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t('scheduling.schedule.optional', { label: t('scheduling.schedule.fields.title') })}
        name="title"
        value={props.title}
        onChange={props.onTitle}
        description={t('scheduling.schedule.fields.titleHelp')}
        error={props.titleError}
      />
      <InputField
        label={t('scheduling.schedule.optional', { label: t('scheduling.schedule.fields.capacity') })}
        name="capacity"
        numeric
        value={props.capacity}
        onChange={props.onCapacity}
        description={t('scheduling.schedule.fields.capacityHelp', { capacity: props.group.capacity })}
        error={props.capacityError}
      />
    </>
  );
}
