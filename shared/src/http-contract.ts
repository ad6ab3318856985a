/** Transport rules both sides must agree on. */
export const API_PREFIX = '/api/v1';
export const SESSION_COOKIE = 'tryg_session';
export const CSRF_HEADER = 'X-Tryg-Csrf';
export const CSRF_HEADER_VALUE = '1';
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** A session ends after this long without a request or reported input (listening in an open meeting's room counts). */
export const SESSION_IDLE_MINUTES = 30;
/** The web warns this long before an idle session ends. */
export const SESSION_IDLE_WARNING_MINUTES = 2;
/** JSON nested deeper than this is refused with 400 (a deep body must not reach the validation). */
export const JSON_MAX_DEPTH = 32;

/** Input rules where a login or password is chosen (CONTRACT.md). */
export const LOGIN_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 32;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
