import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, LOGIN_PATTERN, PASSWORD_MAX, PASSWORD_MIN } from '@tryg/shared';

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
    displayNameDescription: t('form.displayNameRule'),
    displayName(value: string): string | null {
      const length = [...value.trim()].length;
      if (length === 0) return null;
      return length < DISPLAY_NAME_MIN || length > DISPLAY_NAME_MAX ? t('form.displayNameInvalid') : null;
    },
  };
}
