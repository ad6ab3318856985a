import { ERROR_STATUS, type ErrorCode } from '@tryg/shared';

export interface ErrorDetail {
  field: string;
  message: string;
}

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'The request is not valid.',
  INVALID_CODE: 'This code cannot be used.',
  UNAUTHENTICATED: 'Please sign in.',
  INVALID_CREDENTIALS: 'The login or password is wrong.',
  CSRF: 'The request was refused.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'This is already done.',
  LOGIN_TAKEN: 'This login is taken. Please choose another.',
  GROUP_FULL: 'The group is full.',
  KEEP_APART: 'This person cannot join this group.',
  BANNED: 'This person cannot be referred to this group.',
  ROOM_CLOSED: 'The room is closed now.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This type of content is not accepted.',
  RATE_LIMITED: 'Too many attempts. Please wait and try again.',
  INTERNAL: 'Something went wrong.',
  UNAVAILABLE: 'The service is busy. Please try again.',
};

/**
 * An expected refusal. Services throw it; the one exception filter turns it into
 * `{ code, message, details? }` with the status of `ERROR_STATUS[code]`.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
    /** Seconds, sent as Retry-After with 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.status = ERROR_STATUS[code];
  }

  static defaultMessage(code: ErrorCode): string {
    return DEFAULT_MESSAGES[code];
  }
}
