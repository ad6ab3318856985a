import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateRecoveryCodes } from '../api/create-recovery-codes';

/** New recovery codes, shown once: they are not kept anywhere in the client after this view. */
export function RecoveryCodesPanel() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const mutation = useCreateRecoveryCodes();
  const error = mutation.error;
  const errorText = !error
    ? null
    : error instanceof ApiError && error.code === 'INVALID_CREDENTIALS'
      ? t('account.recovery.wrongPassword')
      : errorMessage(t, error);

  return (
    <Panel title={t('account.recovery.title')}>
      <p>{t('account.recovery.intro')}</p>
      {mutation.data ? (
        <div className="recovery-codes">
          <Notice tone="info">{t('account.recovery.shownOnce')}</Notice>
          <ol className="code-list" aria-label={t('account.recovery.listLabel')}>
            {mutation.data.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <Button variant="secondary" onPress={() => mutation.reset()}>
            {t('account.recovery.hide')}
          </Button>
        </div>
      ) : (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (mutation.isPending) return;
            mutation.mutate({ password }, { onSuccess: () => setPassword('') });
          }}
        >
          {errorText ? <Notice tone="error">{errorText}</Notice> : null}
          <TextField
            label={t('account.recovery.password')}
            name="password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            isRequired
            validate={(value) => (value === '' ? t('form.required') : null)}
          />
          <Button type="submit" isBusy={mutation.isPending}>
            {mutation.isPending ? t('account.recovery.submitting') : t('account.recovery.submit')}
          </Button>
        </Form>
      )}
    </Panel>
  );
}
