import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RedeemDto } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { TextField } from '../../../components/ui/text-field';
import { useFormRules } from '../../../lib/form-rules';
import { PasswordStrengthHint } from './password-strength-hint';
import { useCodeValidation } from './use-code-validation';

export interface NewPersonFormProps {
  isBusy: boolean;
  onSubmit: (body: RedeemDto) => void;
}

/** A new person: the code, then a login and password only they know, then the name the group sees. */
export function NewPersonForm({ isBusy, onSubmit }: NewPersonFormProps) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const validateCode = useCodeValidation();
  const [code, setCode] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [displayName, setDisplayName] = useState('');

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isBusy) return;
        onSubmit({ code: code.trim(), login: login.trim().toLowerCase(), password, displayName: displayName.trim() });
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
        label={t('referralJourney.join.fields.login')}
        name="login"
        value={login}
        onChange={setLogin}
        autoComplete="username"
        description={`${rules.loginDescription} ${t('referralJourney.join.fields.loginHint')}`}
        isRequired
        validate={rules.login}
      />
      <TextField
        label={t('referralJourney.join.fields.password')}
        name="password"
        type={showPassword ? 'text' : 'password'}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        description={`${rules.passwordDescription} ${t('referralJourney.join.fields.passwordHint')}`}
        isRequired
        validate={(value) => rules.password(value, login)}
      />
      <PasswordStrengthHint password={password} login={login} />
      <CheckboxField
        label={t('referralJourney.join.fields.showPassword')}
        name="showPassword"
        checked={showPassword}
        onChange={setShowPassword}
      />
      <TextField
        label={t('referralJourney.join.fields.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        autoComplete="off"
        description={`${t('referralJourney.join.fields.displayNameHint')} ${rules.participantNameDescription}`}
        isRequired
        validate={(value) => rules.participantName(value, login)}
      />
      <Button type="submit" isBusy={isBusy}>
        {isBusy ? t('referralJourney.join.submitting') : t('referralJourney.join.submit')}
      </Button>
    </Form>
  );
}
