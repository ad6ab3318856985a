import { foreignCodeCharacters, normalizeReadableCode } from '../../lib/readable-code';
import { ApiError } from '../../lib/api-client';

/** 5 groups of 4: the length of every referral code. */
export const CODE_LENGTH = 20;

export type CodeProblem =
  { kind: 'required' } | { kind: 'foreign'; characters: string[] } | { kind: 'length'; length: number };

/**
 * What is visibly wrong with a typed code before asking the server: characters codes never use
 * (look-alikes such as O and 0) or the wrong number of characters. Says nothing about whether a
 * code exists — only the server knows, and it answers every bad code the same way.
 */
export function codeProblem(input: string): CodeProblem | null {
  const code = normalizeReadableCode(input);
  if (code === '') return { kind: 'required' };
  const foreign = foreignCodeCharacters(input);
  if (foreign.length > 0) return { kind: 'foreign', characters: foreign };
  if (code.length !== CODE_LENGTH) return { kind: 'length', length: code.length };
  return null;
}

export type JoinErrorKey =
  | 'invalidCode'
  | 'loginTaken'
  | 'nameNotAvailable'
  | 'nameRules'
  | 'passwordIsLogin'
  | 'tooManyTries'
  | 'staff'
  | 'signedOut';

function hasDetail(error: ApiError, field: string): boolean {
  return (error.details ?? []).some((detail) => detail.field === field);
}

/** The plain-words message for a refused redeem, or null for the app's generic error text. */
export function joinErrorKey(error: unknown): JoinErrorKey | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'INVALID_CODE':
      // One message for every bad code, like the server's one answer: a guesser learns nothing.
      return 'invalidCode';
    case 'LOGIN_TAKEN':
      return 'loginTaken';
    case 'RATE_LIMITED':
      return 'tooManyTries';
    case 'FORBIDDEN':
      return 'staff';
    case 'UNAUTHENTICATED':
      return 'signedOut';
    case 'CONFLICT':
      // One message for a name in use and a name kept for someone who left, as the server answers both alike.
      return hasDetail(error, 'displayName') ? 'nameNotAvailable' : null;
    case 'VALIDATION':
      if (hasDetail(error, 'displayName')) return 'nameRules';
      if (hasDetail(error, 'password')) return 'passwordIsLogin';
      return null;
    default:
      return null;
  }
}
