import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CSRF_HEADER, SESSION_COOKIE } from '@tryg/shared';
import { ADMIN, Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Res = request.Response;

/** The error body the contract allows: code, message and maybe details — never a stack or anything else. */
function expectErrorBody(res: Res, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.code).toBe(code);
  expect(typeof res.body.message).toBe('string');
  expect(Object.keys(res.body).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('HTTP contract', () => {
  let app: TestApp;
  /** Every answer this suite got, so the final test can check the headers of all of them. */
  const answers: Res[] = [];
  const seen = <T extends Res>(res: T): T => {
    answers.push(res);
    return res;
  };

  beforeAll(async () => {
    app = await startTestApp({ config: { webDist: null } });
  });
  afterAll(() => app.close());

  const raw = () => request(app.url);
  const loginBody = { login: ADMIN.login, password: ADMIN.password };

  describe('CSRF rule', () => {
    it('refuses a state-changing request without X-Tryg-Csrf with 403 CSRF, before the session check', async () => {
      expectErrorBody(seen(await raw().post('/api/v1/auth/login').send(loginBody)), 403, 'CSRF');
      expectErrorBody(seen(await raw().post('/api/v1/auth/logout')), 403, 'CSRF');
      expectErrorBody(seen(await raw().post('/api/v1/auth/login').set(CSRF_HEADER, '0').send(loginBody)), 403, 'CSRF');

      const admin = await signInAdmin(app);
      // Signed in makes no difference: the session cookie alone never authorises a change.
      for (const res of [
        await admin.agent.patch('/api/v1/auth/me').send({ locale: 'en' }),
        await admin.agent.delete('/api/v1/auth/sessions'),
        await admin.agent
          .post('/api/v1/admin/staff')
          .send({ login: 'csrf.victim', password: 'csrf-victim-pass', role: 'admin' }),
      ]) {
        expectErrorBody(seen(res), 403, 'CSRF');
      }
      expect((await admin.get('/auth/me')).body.account.locale).toBe('da');
      expect(
        (await admin.get('/admin/staff')).body.items.some((s: { login: string }) => s.login === 'csrf.victim'),
      ).toBe(false);
    });

    it('refuses a cross-site Origin or Sec-Fetch-Site even with the header', async () => {
      const withHeader = () => raw().post('/api/v1/auth/login').set(CSRF_HEADER, '1');
      expectErrorBody(seen(await withHeader().set('Origin', 'https://evil.example').send(loginBody)), 403, 'CSRF');
      expectErrorBody(seen(await withHeader().set('Origin', 'null').send(loginBody)), 403, 'CSRF');
      expectErrorBody(seen(await withHeader().set('Sec-Fetch-Site', 'cross-site').send(loginBody)), 403, 'CSRF');
      // The same site is fine.
      expect(
        seen(await withHeader().set('Origin', app.url).set('Sec-Fetch-Site', 'same-origin').send(loginBody)).status,
      ).toBe(200);
      expect(seen(await withHeader().send(loginBody)).status).toBe(200);
    });

    it('lets reads through without the header', async () => {
      expect(seen(await raw().get('/api/health')).status).toBe(200);
      expect(seen(await raw().get('/api/v1/auth/me')).status).toBe(401);
    });
  });

  describe('validation and shape', () => {
    it('refuses an unknown body field with 400 VALIDATION naming it in details', async () => {
      const res = seen(await new Client(app.url).post('/auth/login', { ...loginBody, role: 'admin' }));
      expectErrorBody(res, 400, 'VALIDATION');
      expect(res.body.details).toEqual([{ field: 'role', message: expect.stringContaining('role') }]);
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('refuses an unknown query parameter with 400', async () => {
      const admin = await signInAdmin(app);
      const res = seen(await admin.get('/admin/audit?sort=password'));
      expectErrorBody(res, 400, 'VALIDATION');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
    });

    it('answers a 200 KB JSON body with 413 PAYLOAD_TOO_LARGE, before the CSRF and session checks', async () => {
      const big = { login: 'x', password: 'p'.repeat(200 * 1024) };
      expectErrorBody(seen(await raw().post('/api/v1/auth/login').send(big)), 413, 'PAYLOAD_TOO_LARGE');
      expectErrorBody(
        seen(await raw().post('/api/v1/auth/password').set(CSRF_HEADER, '1').send(big)),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      // Whatever the declared type: every non-multipart body is size-checked.
      const text = seen(
        await raw()
          .post('/api/v1/auth/login')
          .set(CSRF_HEADER, '1')
          .set('Content-Type', 'text/plain')
          .send('x'.repeat(200 * 1024)),
      );
      expectErrorBody(text, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('accepts a body just under 100 KB (the limit is 100 KB, not less)', async () => {
      const res = seen(await new Client(app.url).post('/auth/login', { login: 'x', password: 'p'.repeat(99 * 1024) }));
      expectErrorBody(res, 400, 'VALIDATION'); // too long a password for the DTO, but read
    });

    it('answers malformed JSON with 400 VALIDATION, but only after the session check', async () => {
      const malformed = (path: string, client?: Client) =>
        (client ? client.agent.post(`/api/v1${path}`) : raw().post(`/api/v1${path}`))
          .set(CSRF_HEADER, '1')
          .set('Content-Type', 'application/json')
          .send('{"currentPassword": "x", ');
      expectErrorBody(seen(await malformed('/auth/password')), 401, 'UNAUTHENTICATED');
      const admin = await signInAdmin(app);
      expectErrorBody(seen(await malformed('/auth/password', admin)), 400, 'VALIDATION');
      // A public route: straight to 400.
      expectErrorBody(seen(await malformed('/auth/login')), 400, 'VALIDATION');
    });

    it('answers odd JSON bodies (null, a number, an array, a string) with 400, never 500', async () => {
      // Plain text is another type: 415 (test/security/request-shape.e2e-spec.ts).
      for (const [type, body] of [
        ['application/json', 'null'],
        ['application/json', '42'],
        ['application/json', '[1,2]'],
        ['application/json', '"text"'],
      ]) {
        const res = seen(
          await raw().post('/api/v1/auth/login').set(CSRF_HEADER, '1').set('Content-Type', type).send(body),
        );
        expectErrorBody(res, 400, 'VALIDATION');
      }
    });

    it('answers a path id that is not a UUID with 400 after the session check', async () => {
      expectErrorBody(seen(await new Client(app.url).delete('/auth/sessions/not-a-uuid')), 401, 'UNAUTHENTICATED');
      const admin = await signInAdmin(app);
      const res = seen(await admin.delete('/auth/sessions/not-a-uuid'));
      expectErrorBody(res, 400, 'VALIDATION');
      expect(res.body.details).toEqual([{ field: 'id', message: expect.any(String) }]);
      expectErrorBody(seen(await admin.post("/admin/staff/1' OR '1'='1/disable")), 400, 'VALIDATION');
      expectErrorBody(seen(await admin.delete(`/auth/sessions/${randomUUID()}`)), 404, 'NOT_FOUND');
    });
  });

  describe('unknown paths', () => {
    it('answers unknown /api/* paths with a JSON 404, for any method', async () => {
      expectErrorBody(seen(await raw().get('/api/v1/no-such-thing')), 404, 'NOT_FOUND');
      expectErrorBody(seen(await raw().get('/api/no-such-thing')), 404, 'NOT_FOUND');
      expectErrorBody(seen(await raw().get('/api')), 404, 'NOT_FOUND');
      expectErrorBody(seen(await raw().post('/api/v1/no-such-thing').set(CSRF_HEADER, '1').send({})), 404, 'NOT_FOUND');
      expectErrorBody(seen(await raw().put('/api/v1/auth/me').set(CSRF_HEADER, '1').send({})), 404, 'NOT_FOUND');
    });

    it('answers a non-API path sanely when no web build is present (no 500, no stack)', async () => {
      for (const path of ['/', '/login', '/groups/123']) {
        const res = seen(await raw().get(path));
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(200);
        expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
      }
    });
  });

  describe('OpenAPI', () => {
    type Operation = { summary?: string; security?: Record<string, string[]>[] };
    const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
    let doc: {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const operations = () =>
      Object.entries(doc.paths).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
      );

    beforeAll(async () => {
      const res = seen(await raw().get('/api/docs-json'));
      expect(res.status).toBe(200);
      doc = res.body;
    });

    it('has a summary on every operation', () => {
      expect(operations().length).toBeGreaterThan(10);
      const missing = operations().filter(({ op }) => !op.summary || op.summary.trim() === '');
      expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    });

    it('states the cookie scheme on every operation that needs a session and security: [] on public ones', () => {
      expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
      const find = (method: string, path: string) =>
        operations().find((o) => o.method === method && o.path === path)?.op;
      for (const [method, path] of [
        ['post', '/api/v1/auth/login'],
        ['post', '/api/v1/auth/recover'],
        ['get', '/api/health'],
      ]) {
        expect(find(method, path)?.security).toEqual([]);
      }
      for (const [method, path] of [
        ['get', '/api/v1/auth/me'],
        ['post', '/api/v1/auth/logout'],
        ['post', '/api/v1/admin/staff'],
        ['get', '/api/v1/admin/audit'],
        ['delete', '/api/v1/auth/sessions/{id}'],
      ]) {
        expect(find(method, path)?.security).toEqual([{ session: [] }]);
      }
      for (const { op, method, path } of operations()) {
        expect([`${method} ${path}`, op.security]).toEqual([`${method} ${path}`, expect.any(Array)]);
        if (op.security!.length > 0)
          expect([`${method} ${path}`, op.security]).toEqual([`${method} ${path}`, [{ session: [] }]]);
      }
    });

    it('tells the truth: an anonymous call gets 401 exactly on the operations documented as needing a session', async () => {
      const wrong: string[] = [];
      for (const { path, method, op } of operations()) {
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const call = raw()[method](url).set(CSRF_HEADER, '1');
        // Each with a body of the type it takes (another type is 415, before the session check).
        const multipart = Boolean(
          (op as { requestBody?: { content?: Record<string, unknown> } }).requestBody?.content?.['multipart/form-data'],
        );
        const res = seen(await (multipart ? call.attach('file', Buffer.from('x'), 'x.txt') : call.send({})));
        const refusedAsAnonymous = res.status === 401 && res.body.code === 'UNAUTHENTICATED';
        if (refusedAsAnonymous !== op.security!.length > 0) wrong.push(`${method} ${path} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });

    it('serves the UI at /api/docs with its assets from this origin', async () => {
      const page = seen(await raw().get('/api/docs'));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('swagger-ui');
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1])
        .filter((u) => !u.startsWith('#'));
      expect(assets.some((a) => a.endsWith('swagger-ui-init.js'))).toBe(true);
      for (const asset of assets) {
        // Nothing from a third party (no CDN): the CSP would refuse it anyway.
        expect(asset).not.toMatch(/^(https?:)?\/\//);
        const res = seen(await raw().get(new URL(asset, `${app.url}/api/docs`).pathname));
        expect([asset, res.status]).toEqual([asset, 200]);
      }
      // No inline script: script-src 'self' would block it and leave the page blank.
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });
  });

  describe('after all that', () => {
    it('marks every answer Cache-Control: no-store', () => {
      expect(answers.length).toBeGreaterThan(40);
      const cached = answers.filter((res) => res.headers['cache-control'] !== 'no-store');
      const describeAnswer = (res: Res) => {
        const req = (res as unknown as { req: { method: string; path: string } }).req;
        return `${res.status} ${req.method} ${req.path}`;
      };
      expect(cached.map(describeAnswer)).toEqual([]);
    });

    it('is still healthy: none of these requests crashed the server', async () => {
      expect(seen(await raw().get('/api/health')).status).toBe(200);
      expect(seen(await new Client(app.url).post('/auth/login', loginBody)).status).toBe(200);
    });
  });
});

describe('HTTP contract with a built web app', () => {
  let app: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'tryg-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Tryg</title><div id="root"></div>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    app = await startTestApp({ config: { webDist } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the web app for non-API paths (client routes get index.html), marked no-store', async () => {
    for (const path of ['/', '/login', '/account/sessions']) {
      const res = await request(app.url).get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.text).toContain('<title>Tryg</title>');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const asset = await request(app.url).get('/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log(1)');
  });

  it('still answers unknown /api/* paths with a JSON 404, not the web page', async () => {
    const res = await request(app.url).get('/api/v1/no-such-thing');
    expectErrorBody(res, 404, 'NOT_FOUND');
    expect(res.text).not.toContain('<title>');
  });
});

describe('CSRF Origin check behind a proxy', () => {
  const login = (app: TestApp) =>
    request(app.url).post('/api/v1/auth/login').set(CSRF_HEADER, '1').set('Host', 'upstream:3000');

  it('compares the Origin with the forwarded host when TRUST_PROXY trusts the proxy', async () => {
    const app = await startTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const same = await login(app)
        .set('X-Forwarded-Host', 'tryg.example')
        .set('Origin', 'https://tryg.example')
        .send({ login: ADMIN.login, password: ADMIN.password });
      expect(same.status).toBe(200);
      const cross = await login(app)
        .set('X-Forwarded-Host', 'tryg.example')
        .set('Origin', 'https://evil.example')
        .send({ login: ADMIN.login, password: ADMIN.password });
      expectErrorBody(cross, 403, 'CSRF');
    } finally {
      await app.close();
    }
  });

  it('ignores X-Forwarded-Host from an untrusted sender', async () => {
    const app = await startTestApp();
    try {
      const spoofed = await login(app)
        .set('X-Forwarded-Host', 'evil.example')
        .set('Origin', 'https://evil.example')
        .send({ login: ADMIN.login, password: ADMIN.password });
      expectErrorBody(spoofed, 403, 'CSRF');
    } finally {
      await app.close();
    }
  });
});
