import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { useFormRules } from '../../../lib/form-rules';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm({ login }: { login: string }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mutation = useChangePassword();
  const error = mutation.error;
  const errorText = !error
    ? null
    : error instanceof ApiError && error.code === 'INVALID_CREDENTIALS'
      ? t('account.password.wrongCurrent')
      : errorMessage(t, error);

  return (
    <Panel title={t('account.password.title')}>
      <p>{t('account.password.intro')}</p>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (mutation.isPending) return;
          mutation.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                setCurrentPassword('');
                setNewPassword('');
                setRepeat('');
              },
            },
          );
        }}
      >
        {errorText ? <Notice tone="error">{errorText}</Notice> : null}
        {mutation.isSuccess ? <Notice tone="success">{t('account.password.done')}</Notice> : null}
        {/* The login is known to the browser's password manager only; it is never shown. */}
        <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
        <TextField
          label={t('account.password.current')}
          name="currentPassword"
          type="password"
          value={currentPassword}
          onChange={setCurrentPassword}
          autoComplete="current-password"
          isRequired
          validate={(value) => (value === '' ? t('form.required') : null)}
        />
        <TextField
          label={t('account.password.new')}
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
          label={t('account.password.repeat')}
          name="repeatPassword"
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          isRequired
          validate={(value) => (value === newPassword ? null : t('form.passwordsDiffer'))}
        />
        <Button type="submit" isBusy={mutation.isPending}>
          {mutation.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
