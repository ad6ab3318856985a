import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '@tryg/shared';

/** A tiny HTTP client for the seeding script: JSON, the CSRF header and one session cookie. */
export class DemoClient {
  private cookie: string | null = null;

  constructor(private readonly baseUrl: string) {}

  get token(): string | null {
    return this.cookie;
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    const match = setCookie?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
    if (match) this.cookie = match[1] || null;
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
