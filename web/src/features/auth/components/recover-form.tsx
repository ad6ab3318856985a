import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useFormRules } from '../../../lib/form-rules';
import { useRecover } from '../api/recover';

export function RecoverForm() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mutation = useRecover();
  const rules = useFormRules();
  const required = rules.required;

  if (mutation.isSuccess) return <Notice tone="success">{t('recover.done')}</Notice>;

  const error = mutation.error;
  const errorText = !error
    ? null
    : error instanceof ApiError && error.code === 'INVALID_CREDENTIALS'
      ? t('recover.invalid')
      : errorMessage(t, error);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        mutation.mutate({ login: login.trim(), recoveryCode: recoveryCode.trim(), newPassword });
      }}
    >
      {errorText ? <Notice tone="error">{errorText}</Notice> : null}
      <TextField
        label={t('recover.login')}
        name="login"
        value={login}
        onChange={setLogin}
        autoComplete="username"
        isRequired
        validate={required}
      />
      <TextField
        label={t('recover.recoveryCode')}
        name="recoveryCode"
        value={recoveryCode}
        onChange={setRecoveryCode}
        autoComplete="one-time-code"
        isRequired
        validate={required}
      />
      <TextField
        label={t('recover.newPassword')}
        name="newPassword"
        type="password"
        value={newPassword}
        onChange={setNewPassword}
        autoComplete="new-password"
        description={rules.passwordDescription}
        isRequired
        validate={(value) => rules.password(value, login)}
      />
      <TextField
        label={t('recover.repeatPassword')}
        name="repeatPassword"
        type="password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        isRequired
        validate={(value) => (value === newPassword ? null : t('form.passwordsDiffer'))}
      />
      <Button type="submit" isBusy={mutation.isPending}>
        {mutation.isPending ? t('recover.submitting') : t('recover.submit')}
      </Button>
    </Form>
  );
}
