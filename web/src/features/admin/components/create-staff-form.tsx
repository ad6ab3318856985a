import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { TextField } from '../../../components/ui/text-field';
import { useFormRules } from '../../../lib/form-rules';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateStaff } from '../api/create-staff';

function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function CreateStaffForm() {
  const { t } = useTranslation();
  const rules = useFormRules();
  const headingId = useId();
  const roleId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('facilitator');
  const mutation = useCreateStaff();

  return (
    <section className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('staff.createTitle')}</h3>
      <p>{t('staff.createIntro')}</p>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (mutation.isPending) return;
          const name = displayName.trim();
          mutation.mutate(
            { login: login.trim().toLowerCase(), password, role, ...(name ? { displayName: name } : {}) },
            {
              onSuccess: () => {
                setLogin('');
                setPassword('');
                setDisplayName('');
              },
            },
          );
        }}
      >
        {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
        {mutation.isSuccess ? (
          <Notice tone="success">{t('staff.created', { login: mutation.data.account.login })}</Notice>
        ) : null}
        <TextField
          label={t('staff.login')}
          name="login"
          value={login}
          onChange={setLogin}
          autoComplete="off"
          description={rules.loginDescription}
          isRequired
          validate={rules.login}
        />
        <TextField
          label={t('staff.password')}
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          description={rules.passwordDescription}
          isRequired
          validate={(value) => rules.password(value, login)}
        />
        <TextField
          label={`${t('staff.displayName')} (${t('form.optional')})`}
          name="displayName"
          value={displayName}
          onChange={setDisplayName}
          autoComplete="off"
          description={rules.displayNameDescription}
          validate={rules.displayName}
        />
        <div className="field">
          <label className="field-label" htmlFor={roleId}>
            {t('staff.role')}
          </label>
          <select
            id={roleId}
            className="field-input"
            name="role"
            value={role}
            onChange={(event) => {
              if (isStaffRole(event.target.value)) setRole(event.target.value);
            }}
          >
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" isBusy={mutation.isPending}>
          {mutation.isPending ? t('staff.submitting') : t('staff.submit')}
        </Button>
      </Form>
    </section>
  );
}
