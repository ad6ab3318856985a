// Accounts to sign in with, made through the real API (the admin creates coordinators, each with
// a password hashed at the production cost), and one `POST /auth/login` as a browser sends it.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const CSRF_HEADER = 'X-Tryg-Csrf';
const SESSION_COOKIE = 'tryg_session';
const CREATE_CONCURRENCY = 4;

async function post(baseUrl, path, body, token = null) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const token_ = res.headers.get('set-cookie')?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`))?.[1] ?? null;
  return { status: res.status, text, token: token_ };
}

/** Signs in once: `{ ok, status, ms }` with the time from sending to the full answer. */
export async function login(baseUrl, { login: name, password }) {
  const started = performance.now();
  const { status, token } = await post(baseUrl, '/auth/login', { login: name, password });
  return { ok: status === 200 && token !== null, status, ms: performance.now() - started };
}

/** `count` coordinator accounts `bench.login.NNN`, each with its own random password. */
export async function createLoginAccounts({ baseUrl, admin }, count) {
  const signedIn = await post(baseUrl, '/auth/login', admin);
  if (signedIn.status !== 200) throw new Error(`admin login → ${signedIn.status} ${signedIn.text}`);
  const accounts = Array.from({ length: count }, (_, i) => ({
    login: `bench.login.${String(i + 1).padStart(3, '0')}`,
    password: randomBytes(12).toString('base64url'),
  }));
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const account = accounts[next++];
      const res = await post(baseUrl, '/admin/staff', { ...account, role: 'coordinator' }, signedIn.token);
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST /admin/staff → ${res.status} ${res.text}`);
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  return accounts;
}
