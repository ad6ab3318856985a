import { PASSWORD_MAX, PASSWORD_MIN } from '@tryg/shared';

/**
 * A hint about a new password from its length alone. Length is what makes a password hard to
 * guess; composition rules ("a digit and a capital") only make it harder to remember (NIST
 * 800-63B), so there are none: a few ordinary words in a row are a good password.
 */
export type PasswordStrengthLevel = 'empty' | 'tooShort' | 'sameAsLogin' | 'tooLong' | 'fair' | 'good' | 'strong';

export interface PasswordStrength {
  level: PasswordStrengthLevel;
  /** Characters counted as a person sees them (an emoji or "æ" is one). */
  length: number;
  /** How many more characters reach the minimum (0 once it is reached). */
  missing: number;
  /** 0–3 for the bar: nothing, fair, good, strong. */
  score: 0 | 1 | 2 | 3;
}

export const GOOD_LENGTH = 15;
export const STRONG_LENGTH = 20;

export function passwordStrength(password: string, login = ''): PasswordStrength {
  const length = [...password].length;
  const missing = Math.max(0, PASSWORD_MIN - length);
  if (length === 0) return { level: 'empty', length, missing, score: 0 };
  if (length < PASSWORD_MIN) return { level: 'tooShort', length, missing, score: 0 };
  if (length > PASSWORD_MAX) return { level: 'tooLong', length, missing, score: 0 };
  if (login.trim() !== '' && password.toLowerCase() === login.trim().toLowerCase()) {
    return { level: 'sameAsLogin', length, missing, score: 0 };
  }
  if (length >= STRONG_LENGTH) return { level: 'strong', length, missing, score: 3 };
  if (length >= GOOD_LENGTH) return { level: 'good', length, missing, score: 2 };
  return { level: 'fair', length, missing, score: 1 };
}
