import { useTranslation } from 'react-i18next';
import { passwordStrength } from '../password-strength';

/**
 * A length-only hint under a new password. The words sit in a polite live region, so a screen
 * reader hears them when the level changes, not at every key press (the text changes only then).
 */
export function PasswordStrengthHint({ password, login, id }: { password: string; login: string; id?: string }) {
  const { t } = useTranslation();
  const strength = passwordStrength(password, login);
  const text = (() => {
    switch (strength.level) {
      case 'empty':
        return t('referralJourney.join.strength.empty');
      case 'tooShort':
        return t('referralJourney.join.strength.tooShort', { count: strength.missing });
      case 'sameAsLogin':
        return t('referralJourney.join.strength.sameAsLogin');
      case 'tooLong':
        return t('referralJourney.join.strength.tooLong');
      case 'fair':
        return t('referralJourney.join.strength.fair');
      case 'good':
        return t('referralJourney.join.strength.good');
      case 'strong':
        return t('referralJourney.join.strength.strong');
    }
  })();
  return (
    <div className="strength" data-score={strength.score}>
      <div className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p id={id} className="strength-text" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
