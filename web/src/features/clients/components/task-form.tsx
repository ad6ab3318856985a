import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TASK_OWNERS, TASK_STATUSES, type TaskOwner, type TaskStatus } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { DateField } from '../../../components/ui/date-field';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { taskProblems, type TaskFormValues, type TextProblem } from '../case-forms';

export interface TaskFormProps {
  initial: TaskFormValues;
  submitLabel: string;
  isBusy: boolean;
  onSubmit: (values: TaskFormValues) => void;
  onCancel?: () => void;
}

/** One task of the action plan: what, who (and their name or function), by when, how far, a note. */
export function TaskForm({ initial, submitLabel, isBusy, onSubmit, onCancel }: TaskFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TaskFormValues>(initial);
  const problems = taskProblems(values);
  const set =
    <K extends keyof TaskFormValues>(field: K) =>
    (value: TaskFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));
  const describe = (problem: TextProblem | undefined) =>
    !problem
      ? null
      : problem.kind === 'required'
        ? t('clients.plan.problems.title')
        : t('clients.plan.problems.tooLong', { max: problem.max });
  const optional = (label: string) => `${label} (${t('form.optional')})`;
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isBusy || Object.keys(problems).length > 0) return;
        onSubmit(values);
      }}
    >
      <TextField
        label={t('clients.plan.taskTitle')}
        name="title"
        value={values.title}
        onChange={set('title')}
        isRequired
        autoComplete="off"
        validate={() => describe(problems.title)}
      />
      <SelectField
        label={t('clients.plan.owner')}
        name="owner"
        value={values.owner}
        options={TASK_OWNERS.map((owner) => ({ value: owner, label: t(`clients.plan.owners.${owner}`) }))}
        onChange={(owner) => set('owner')(owner as TaskOwner)}
      />
      <TextField
        label={optional(t('clients.plan.ownerName'))}
        name="ownerName"
        value={values.ownerName}
        onChange={set('ownerName')}
        description={t('clients.plan.ownerNameHint')}
        autoComplete="off"
        validate={() => describe(problems.ownerName)}
      />
      <DateField label={optional(t('clients.plan.dueOn'))} name="dueOn" value={values.dueOn} onChange={set('dueOn')} />
      <SelectField
        label={t('clients.plan.statusLabel')}
        name="status"
        value={values.status}
        options={TASK_STATUSES.map((status) => ({ value: status, label: t(`clients.plan.statuses.${status}`) }))}
        onChange={(status) => set('status')(status as TaskStatus)}
      />
      <TextAreaField
        label={optional(t('clients.plan.note'))}
        name="note"
        value={values.note}
        onChange={set('note')}
        rows={3}
        validate={() => describe(problems.note)}
      />
      <div className="actions-start">
        <Button type="submit" isBusy={isBusy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
