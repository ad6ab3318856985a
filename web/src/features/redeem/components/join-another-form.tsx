import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RedeemDto } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useFormRules } from '../../../lib/form-rules';
import { useCodeValidation } from './use-code-validation';

export interface JoinAnotherFormProps {
  login: string;
  isBusy: boolean;
  onSubmit: (body: RedeemDto) => void;
}

/** Someone already signed in: a new code and a new name for that group — nothing else. */
export function JoinAnotherForm({ login, isBusy, onSubmit }: JoinAnotherFormProps) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const validateCode = useCodeValidation();
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isBusy) return;
        onSubmit({ code: code.trim(), displayName: displayName.trim() });
      }}
    >
      <TextField
        label={t('referralJourney.join.fields.code')}
        name="code"
        value={code}
        onChange={setCode}
        autoComplete="off"
        description={t('referralJourney.join.fields.codeHint')}
        isRequired
        validate={validateCode}
      />
      <TextField
        label={t('referralJourney.join.fields.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        autoComplete="off"
        description={`${t('referralJourney.join.fields.newDisplayNameHint')} ${rules.participantNameDescription}`}
        isRequired
        validate={(value) => rules.participantName(value, login)}
      />
      <Button type="submit" isBusy={isBusy}>
        {isBusy ? t('referralJourney.join.submitting') : t('referralJourney.join.submitAnother')}
      </Button>
    </Form>
  );
}
