import { useTranslation } from 'react-i18next';
import { displayNameProblem, LOGIN_PATTERN, nameMatchesLogin, normalizeDisplayName, PASSWORD_MAX, PASSWORD_MIN } from '@tryg/shared';

/**
 * The CONTRACT's input rules with translated messages, checked before sending so people hear
 * what to fix in their own language (the server checks again).
 */
export function useFormRules() {
  const { t } = useTranslation();
  return {
    required: (value: string): string | null => (value.trim() === '' ? t('form.required') : null),
    passwordDescription: t('form.passwordRule', { min: PASSWORD_MIN }),
    password(value: string, login: string): string | null {
      if (value === '') return t('form.required');
      const length = [...value].length;
      if (length < PASSWORD_MIN) return t('form.passwordTooShort', { min: PASSWORD_MIN });
      if (length > PASSWORD_MAX) return t('form.passwordTooLong', { max: PASSWORD_MAX });
      if (login !== '' && value.toLowerCase() === login.trim().toLowerCase()) return t('form.passwordEqualsLogin');
      return null;
    },
    loginDescription: t('form.loginRule'),
    login: (value: string): string | null =>
      LOGIN_PATTERN.test(value.trim().toLowerCase()) ? null : t('form.loginInvalid'),
    /** Staff names: the rules stated up front, and the shared check (staff words allowed). */
    displayNameDescription: t('form.displayNameRule'),
    displayName(value: string): string | null {
      const name = normalizeDisplayName(value);
      if (name === '') return null;
      const problem = displayNameProblem(name, { staff: true });
      return problem ? t(`form.displayNameProblem.${problem}`) : null;
    },
    /** A participant's name in a group: also no staff words and not the login. The server checks look-alikes too. */
    participantNameDescription: t('form.participantNameRule'),
    participantName(value: string, login = ''): string | null {
      const name = normalizeDisplayName(value);
      if (name === '') return t('form.required');
      const problem = displayNameProblem(name, { staff: false });
      if (problem) return t(`form.displayNameProblem.${problem}`);
      return nameMatchesLogin(name, login) ? t('form.displayNameIsLogin') : null;
    },
  };
}
