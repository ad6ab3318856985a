import { CSRF_HEADER } from '@tryg/shared';
import { ApiError, setUnauthenticatedHandler } from '../../../lib/api-client';
import { exportPath } from './export-log';
import { uploadAttachment } from './upload-attachment';

/** The part of a fetch Response the client reads (jsdom has no Response class). */
function answer(status: number, body: string): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: () => null },
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body) as unknown),
  } as unknown as Response;
}

describe('incident log files', () => {
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();

  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    setUnauthenticatedHandler(null);
  });

  it('uploads one file in the multipart field `file`, with the CSRF header and the cookie', async () => {
    fetchMock.mockResolvedValue(answer(201, '{"id":"a","bilag":3,"mimeType":"image/png","size":4}'));
    const file = new File([new Uint8Array([1, 2, 3, 4])], 'shot.png', { type: 'image/png' });
    await expect(uploadAttachment({ entryId: 'e 1', file })).resolves.toEqual({
      id: 'a',
      bilag: 3,
      mimeType: 'image/png',
      size: 4,
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/me/incidents/e%201/attachments');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect((init?.headers as Record<string, string>)[CSRF_HEADER]).toBe('1');
    // The browser sets the multipart Content-Type (with its boundary) itself.
    expect((init?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect((init?.body as FormData).get('file')).toBe(file);
  });

  it('turns a refusal into the API error code, and an expired session into a sign-out', async () => {
    fetchMock.mockResolvedValueOnce(answer(415, '{"code":"UNSUPPORTED_MEDIA_TYPE","message":"no"}'));
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    await expect(uploadAttachment({ entryId: 'e', file })).rejects.toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });

    const signedOut = jest.fn();
    setUnauthenticatedHandler(signedOut);
    fetchMock.mockResolvedValueOnce(answer(401, '{"code":"UNAUTHENTICATED","message":"no"}'));
    await expect(uploadAttachment({ entryId: 'e', file })).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('asks for the export in the chosen language, with the private layer only when ticked', () => {
    expect(exportPath({ format: 'pdf', includePrivate: false, lang: 'da' })).toBe(
      '/me/incidents/export?format=pdf&includePrivate=false&lang=da',
    );
    expect(exportPath({ format: 'csv', includePrivate: true, lang: 'en' })).toBe(
      '/me/incidents/export?format=csv&includePrivate=true&lang=en',
    );
  });
});
