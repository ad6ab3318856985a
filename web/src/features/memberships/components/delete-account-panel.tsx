import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDeleteAccount } from '../api/delete-account';

/**
 * Delete my account for good. It says exactly what goes and what stays, asks for the password
 * and a last confirmation; afterwards the person is signed out everywhere.
 */
export function DeleteAccountPanel({ login }: { login: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const mutation = useDeleteAccount();
  const error = mutation.error;
  const errorText = !error
    ? null
    : error instanceof ApiError && error.code === 'INVALID_CREDENTIALS'
      ? t('referralJourney.privacy.wrongPassword')
      : errorMessage(t, error);

  return (
    <Panel title={t('referralJourney.privacy.deleteTitle')}>
      <p>{t('referralJourney.privacy.deleteIntro')}</p>
      <ul className="plain-list">
        <li>{t('referralJourney.privacy.deleteGone')}</li>
        <li>{t('referralJourney.privacy.deleteMessages')}</li>
        <li>{t('referralJourney.privacy.deleteSignedOut')}</li>
        <li>{t('referralJourney.privacy.deleteFinal')}</li>
      </ul>
      <p>{t('referralJourney.privacy.deleteExportFirst')}</p>
      <Form className="form" onSubmit={(event) => event.preventDefault()}>
        {errorText ? <Notice tone="error">{errorText}</Notice> : null}
        {/* The login is known to the browser's password manager only; it is never shown. */}
        <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
        <TextField
          label={t('referralJourney.privacy.password')}
          name="deletePassword"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          description={t('referralJourney.privacy.passwordHint')}
        />
        <ConfirmDialog
          triggerLabel={t('referralJourney.privacy.delete')}
          title={t('referralJourney.privacy.confirmTitle')}
          text={t('referralJourney.privacy.confirmText')}
          confirmLabel={t('referralJourney.privacy.confirm')}
          cancelLabel={t('common.cancel')}
          isDisabled={password === '' || mutation.isPending}
          onConfirm={() => mutation.mutate({ password })}
        />
      </Form>
    </Panel>
  );
}
