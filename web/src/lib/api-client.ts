import { API_PREFIX, CSRF_HEADER, CSRF_HEADER_VALUE, type ErrorBody } from '@tryg/shared';
import { noteActivity } from './session-activity';

/** An answer that was not a success, as the API's `{ code, message, details? }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorBody['details'] = undefined,
    /** Seconds from `Retry-After` (throttled logins), when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an expected answer (e.g. "am I signed in?"), not an expired session. */
  expectUnauthenticated?: boolean;
}

let unauthenticatedHandler: (() => void) | null = null;

/** The app decides what an expired session means (clear caches, go to the login page). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** The generic code of a status, for answers that carry no readable error body (e.g. a proxy's page). */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Maps a failed answer to an ApiError, trusting the body only when it has the contract's shape. */
export function toApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body.details, retryAfterSeconds);
  return new ApiError(status, codeForStatus(status), `HTTP ${status}`, undefined, retryAfterSeconds);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The one way the web talks to the API: same-origin cookie, the CSRF header on every request
 * (harmless on GET, required on every write), JSON in and out, errors as ApiError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
  }
  noteActivity();
  const body = await readBody(response);
  if (response.ok) return body as T;
  const error = toApiError(response.status, body, response.headers.get('Retry-After'));
  if (error.code === 'UNAUTHENTICATED' && !options.expectUnauthenticated) unauthenticatedHandler?.();
  throw error;
}

export interface RawRequestOptions {
  method?: Method;
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  body?: FormData;
  signal?: AbortSignal;
}

/**
 * For what is not JSON (file uploads, file downloads): the same cookie, CSRF header and error
 * handling as apiRequest, but the caller reads the successful Response itself.
 */
export async function apiFetch(path: string, options: RawRequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method: options.method ?? 'GET',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: options.body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
  }
  noteActivity();
  if (response.ok) return response;
  const error = toApiError(response.status, await readBody(response), response.headers.get('Retry-After'));
  if (error.code === 'UNAUTHENTICATED') unauthenticatedHandler?.();
  throw error;
}
