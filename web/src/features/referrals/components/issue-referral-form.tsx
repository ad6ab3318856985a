import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import {
  EMPTY_REFERRAL_FORM,
  REFERRAL_LIMITS,
  referralProblems,
  type ReferralFormValues,
  type ReferralProblem,
} from '../referral-form';

export interface IssueReferralFormProps {
  groups: readonly Group[];
  isBusy: boolean;
  onSubmit: (values: ReferralFormValues) => void;
}

export function IssueReferralForm({ groups, isBusy, onSubmit }: IssueReferralFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReferralFormValues>(EMPTY_REFERRAL_FORM);
  const [submitted, setSubmitted] = useState(false);
  const problems = referralProblems(values);
  const set = (field: keyof ReferralFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const describe = (problem: ReferralProblem | undefined): string | null => {
    if (!problem) return null;
    switch (problem.kind) {
      case 'required':
        return t('referralJourney.referrals.problems.chooseGroup');
      case 'tooLong':
        return t('referralJourney.referrals.problems.tooLong', { max: problem.max });
      case 'tooMany':
        return t('referralJourney.referrals.problems.tooMany', { max: problem.max });
      case 'entryTooLong':
        return t('referralJourney.referrals.problems.entryTooLong', { max: problem.max, line: problem.line });
      case 'range':
        return t('referralJourney.referrals.problems.days', { min: problem.min, max: problem.max });
    }
  };
  const problemOf = (field: ReferralProblem['field']) => () => describe(problems.find((p) => p.field === field));

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (isBusy || problems.length > 0) return;
        onSubmit(values);
      }}
    >
      <SelectField
        label={t('referralJourney.referrals.fields.group')}
        name="groupId"
        value={values.groupId}
        placeholder={t('referralJourney.referrals.fields.groupPlaceholder')}
        options={groups.map((group) => ({ value: group.id, label: group.name }))}
        onChange={set('groupId')}
        isRequired
        errorMessage={submitted ? problemOf('groupId')() : null}
      />
      <TextField
        label={`${t('referralJourney.referrals.fields.clientReference')} (${t('form.optional')})`}
        name="clientReference"
        value={values.clientReference}
        onChange={set('clientReference')}
        autoComplete="off"
        description={t('referralJourney.referrals.fields.clientReferenceHint')}
        validate={problemOf('clientReference')}
      />
      <TextAreaField
        label={`${t('referralJourney.referrals.fields.note')} (${t('form.optional')})`}
        name="noteForFacilitator"
        value={values.note}
        onChange={set('note')}
        description={t('referralJourney.referrals.fields.noteHint')}
        validate={problemOf('note')}
      />
      <TextAreaField
        label={`${t('referralJourney.referrals.fields.keepApart')} (${t('form.optional')})`}
        name="keepApart"
        value={values.keepApart}
        onChange={set('keepApart')}
        description={t('referralJourney.referrals.fields.keepApartHint', { max: REFERRAL_LIMITS.keepApartEntries })}
        validate={problemOf('keepApart')}
        rows={3}
      />
      <TextField
        label={t('referralJourney.referrals.fields.expiresInDays')}
        name="expiresInDays"
        value={values.expiresInDays}
        onChange={set('expiresInDays')}
        inputMode="numeric"
        autoComplete="off"
        description={t('referralJourney.referrals.fields.expiresInDaysHint', REFERRAL_LIMITS.expiresInDays)}
        isRequired
        validate={problemOf('expiresInDays')}
      />
      <Button type="submit" isBusy={isBusy}>
        {isBusy ? t('referralJourney.referrals.issuing') : t('referralJourney.referrals.issue')}
      </Button>
    </Form>
  );
}
