import { CSRF_HEADER } from '@tryg/shared';
import {
  ApiError,
  apiRequest,
  codeForStatus,
  NETWORK_ERROR,
  setUnauthenticatedHandler,
  toApiError,
} from './api-client';

/** The part of a fetch Response the client reads (jsdom has no Response class). */
function answer(status: number, body: string, headers: Record<string, string> = {}): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(body),
  } as unknown as Response;
}

describe('apiRequest', () => {
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();

  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    setUnauthenticatedHandler(null);
  });

  it('sends the CSRF header, the same-origin cookie and JSON on every request', async () => {
    fetchMock.mockResolvedValue(answer(200, '{"ok":true}'));
    await expect(apiRequest('/auth/password', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/auth/password');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>)[CSRF_HEADER]).toBe('1');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('resolves an empty 204 answer to undefined', async () => {
    fetchMock.mockResolvedValue(answer(204, ''));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('maps a { code, message, details } body to an ApiError with its status', async () => {
    const details = [{ field: 'login', message: 'too short' }];
    fetchMock.mockResolvedValue(answer(400, JSON.stringify({ code: 'VALIDATION', message: 'Bad input.', details })));
    const error = (await apiRequest('/admin/staff').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, code: error.code, message: error.message, details: error.details }).toEqual({
      status: 400,
      code: 'VALIDATION',
      message: 'Bad input.',
      details,
    });
  });

  it('keeps a specific code and reads Retry-After on 429', async () => {
    fetchMock.mockResolvedValue(
      answer(429, '{"code":"RATE_LIMITED","message":"Slow down."}', { 'Retry-After': '840' }),
    );
    const error = (await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code, error.retryAfterSeconds]).toEqual([429, 'RATE_LIMITED', 840]);
  });

  it('falls back to the status code when the body is not the contract shape', async () => {
    fetchMock.mockResolvedValue(answer(502, '<html>Bad gateway</html>'));
    const error = (await apiRequest('/auth/me').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([502, 'INTERNAL']);
  });

  it('turns a network failure into a NETWORK error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await apiRequest('/auth/me').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([0, NETWORK_ERROR]);
  });

  it('tells the app about an expired session, unless a 401 was expected', async () => {
    const handler = jest.fn();
    setUnauthenticatedHandler(handler);
    fetchMock.mockImplementation(() => Promise.resolve(answer(401, '{"code":"UNAUTHENTICATED","message":"Sign in."}')));
    await expect(apiRequest('/auth/sessions')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(apiRequest('/auth/me', { expectUnauthenticated: true })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not treat wrong credentials as an expired session', async () => {
    const handler = jest.fn();
    setUnauthenticatedHandler(handler);
    fetchMock.mockResolvedValue(answer(401, '{"code":"INVALID_CREDENTIALS","message":"Wrong."}'));
    await expect(apiRequest('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('toApiError', () => {
  it('uses the generic code of each status when there is no body', () => {
    expect([400, 401, 403, 404, 409, 413, 429, 500, 503].map(codeForStatus)).toEqual([
      'VALIDATION',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'RATE_LIMITED',
      'INTERNAL',
      'UNAVAILABLE',
    ]);
    expect(toApiError(404, undefined).code).toBe('NOT_FOUND');
    expect(toApiError(429, undefined, 'soon').retryAfterSeconds).toBeNull();
  });
});
