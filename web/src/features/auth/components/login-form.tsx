import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useLogin } from '../api/login';

/** Turns a failed sign-in into one calm sentence; the same for unknown login and wrong password. */
function useLoginErrorText(error: unknown): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') return t('login.invalid');
  if (error instanceof ApiError && error.status === 429) {
    if (error.retryAfterSeconds === null) return t('login.throttled');
    return t('login.throttledMinutes', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  }
  return errorMessage(t, error);
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useLogin();
  const errorText = useLoginErrorText(mutation.error);
  const required = (value: string) => (value === '' ? t('form.required') : null);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        mutation.mutate({ login: login.trim(), password }, { onSuccess: onSignedIn });
      }}
    >
      {errorText ? <Notice tone="error">{errorText}</Notice> : null}
      <TextField
        label={t('login.login')}
        name="login"
        value={login}
        onChange={setLogin}
        autoComplete="username"
        isRequired
        validate={required}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        isRequired
        validate={required}
      />
      <Button type="submit" isBusy={mutation.isPending}>
        {mutation.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </Form>
  );
}
