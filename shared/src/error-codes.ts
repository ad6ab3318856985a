/**
 * Every error code the API answers with, and its HTTP status. One table, so the API's
 * exception filter and the web's error messages agree.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  INVALID_CODE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOGIN_TAKEN: 409,
  GROUP_FULL: 409,
  KEEP_APART: 409,
  BANNED: 409,
  ROOM_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Codes refused over the socket (acknowledgement `{ ok: false, code }`). */
export const SOCKET_ERROR_CODES = [
  'VALIDATION',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'ROOM_CLOSED',
  'ROOM_LOCKED',
  'WAITING_FOR_FACILITATOR',
  'MUTED',
  'SLOW_MODE',
  'RATE_LIMITED',
  'IDENTIFYING_INFO',
  'NOT_YOUR_TURN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  details?: { field: string; message: string }[];
}
