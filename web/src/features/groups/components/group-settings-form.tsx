import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BETWEEN_SESSIONS_MODES, LOCALES } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import {
  GROUP_LIMITS,
  groupFormProblems,
  isBetweenSessions,
  isLanguage,
  timeZoneOptions,
  type GroupField,
  type GroupFieldProblem,
  type GroupFormValues,
} from '../group-form';

export interface GroupSettingsFormProps {
  initial: GroupFormValues;
  submitLabel: string;
  busyLabel: string;
  isBusy: boolean;
  /** Called with valid values only. */
  onSubmit: (values: GroupFormValues) => void;
}

/** Every setting of a group, for both creating and editing; checked here before the server checks again. */
export function GroupSettingsForm({ initial, submitLabel, busyLabel, isBusy, onSubmit }: GroupSettingsFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<GroupFormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const problems = groupFormProblems(values);
  const set =
    <K extends GroupField>(field: K) =>
    (value: GroupFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  const describe = (problem: GroupFieldProblem | undefined): string | null => {
    if (!problem) return null;
    switch (problem.kind) {
      case 'required':
        return t('form.required');
      case 'length':
        return t('referralJourney.groups.problems.length', { min: problem.min, max: problem.max });
      case 'tooLong':
        return t('referralJourney.groups.problems.tooLong', { max: problem.max });
      case 'wholeNumber':
        return t('referralJourney.groups.problems.wholeNumber', { min: problem.min, max: problem.max });
      case 'timezone':
        return t('referralJourney.groups.problems.timezone');
    }
  };
  const problemOf = (field: GroupField) => () => describe(problems[field]);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (isBusy || Object.keys(problems).length > 0) return;
        onSubmit(values);
      }}
    >
      <TextField
        label={t('referralJourney.groups.fields.name')}
        name="name"
        value={values.name}
        onChange={set('name')}
        autoComplete="off"
        description={t('referralJourney.groups.fields.nameHint', GROUP_LIMITS.name)}
        isRequired
        validate={problemOf('name')}
      />
      <TextAreaField
        label={`${t('referralJourney.groups.fields.description')} (${t('form.optional')})`}
        name="description"
        value={values.description}
        onChange={set('description')}
        description={t('referralJourney.groups.fields.descriptionHint')}
        validate={problemOf('description')}
        rows={3}
      />
      <TextField
        label={t('referralJourney.groups.fields.capacity')}
        name="capacity"
        value={values.capacity}
        onChange={set('capacity')}
        inputMode="numeric"
        autoComplete="off"
        description={t('referralJourney.groups.fields.capacityHint', GROUP_LIMITS.capacity)}
        isRequired
        validate={problemOf('capacity')}
      />
      <SelectField
        label={t('referralJourney.groups.fields.language')}
        name="language"
        value={values.language}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`referralJourney.groups.languages.${locale}`) }))}
        onChange={(value) => {
          if (isLanguage(value)) set('language')(value);
        }}
      />
      <SelectField
        label={t('referralJourney.groups.fields.timezone')}
        name="timezone"
        value={values.timezone}
        options={timeZoneOptions(values.timezone).map((zone) => ({ value: zone, label: zone }))}
        description={t('referralJourney.groups.fields.timezoneHint')}
        onChange={set('timezone')}
        errorMessage={submitted ? describe(problems.timezone) : null}
      />
      <SelectField
        label={t('referralJourney.groups.fields.betweenSessions')}
        name="betweenSessions"
        value={values.betweenSessions}
        options={BETWEEN_SESSIONS_MODES.map((mode) => ({
          value: mode,
          label: t(`referralJourney.groups.betweenSessions.${mode === 'read-only' ? 'readOnly' : 'closed'}`),
        }))}
        description={t('referralJourney.groups.fields.betweenSessionsHint')}
        onChange={(value) => {
          if (isBetweenSessions(value)) set('betweenSessions')(value);
        }}
      />
      <TextField
        label={t('referralJourney.groups.fields.openMinutesBefore')}
        name="openMinutesBefore"
        value={values.openMinutesBefore}
        onChange={set('openMinutesBefore')}
        inputMode="numeric"
        autoComplete="off"
        description={t('referralJourney.groups.fields.openMinutesBeforeHint', GROUP_LIMITS.openMinutesBefore)}
        isRequired
        validate={problemOf('openMinutesBefore')}
      />
      <CheckboxField
        label={t('referralJourney.groups.fields.requireFacilitator')}
        name="requireFacilitator"
        checked={values.requireFacilitator}
        onChange={set('requireFacilitator')}
        description={t('referralJourney.groups.fields.requireFacilitatorHint')}
      />
      {values.requireFacilitator ? (
        <TextField
          label={t('cover.settings.coverCancelHours')}
          name="coverCancelHours"
          value={values.coverCancelHours}
          onChange={set('coverCancelHours')}
          inputMode="numeric"
          autoComplete="off"
          description={t('cover.settings.coverCancelHoursHint', GROUP_LIMITS.coverCancelHours)}
          isRequired
          validate={problemOf('coverCancelHours')}
        />
      ) : null}
      <TextField
        label={t('careLoop.settings.careLoopAfter')}
        name="careLoopAfter"
        value={values.careLoopAfter}
        onChange={set('careLoopAfter')}
        inputMode="numeric"
        autoComplete="off"
        description={t('careLoop.settings.careLoopAfterHint', GROUP_LIMITS.careLoopAfter)}
        isRequired
        validate={problemOf('careLoopAfter')}
      />
      <TextAreaField
        label={`${t('referralJourney.groups.fields.rules')} (${t('form.optional')})`}
        name="rules"
        value={values.rules}
        onChange={set('rules')}
        description={t('referralJourney.groups.fields.rulesHint')}
        validate={problemOf('rules')}
        rows={5}
      />
      <TextField
        label={t('referralJourney.groups.fields.retentionDays')}
        name="retentionDays"
        value={values.retentionDays}
        onChange={set('retentionDays')}
        inputMode="numeric"
        autoComplete="off"
        description={t('referralJourney.groups.fields.retentionDaysHint', GROUP_LIMITS.retentionDays)}
        isRequired
        validate={problemOf('retentionDays')}
      />
      <Button type="submit" isBusy={isBusy}>
        {isBusy ? busyLabel : submitLabel}
      </Button>
    </Form>
  );
}
