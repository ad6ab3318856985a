import { createHash } from 'node:crypto';
import type request from 'supertest';
import { SESSION_COOKIE } from '@tryg/shared';
import {
  ADMIN,
  Client,
  clientWithToken,
  createStaff,
  signIn,
  signInAdmin,
  startTestApp,
  tokenOf,
  type TestApp,
} from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MINUTE = 60_000;

/** One fresh app (own SQLite file, own throttle counters, own clock) per describe block. */
function useApp(): () => TestApp {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  return () => app;
}

async function expectRejected(app: TestApp, token: string): Promise<void> {
  const res = await clientWithToken(app, token).get('/auth/me');
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('UNAUTHENTICATED');
}

async function expectAccepted(app: TestApp, token: string): Promise<void> {
  const res = await clientWithToken(app, token).get('/auth/me');
  expect(res.status).toBe(200);
}

function loginAttempt(app: TestApp, login: string, password: string) {
  return new Client(app.url).post('/auth/login', { login, password });
}

describe('sign-in: admin from env, staff created by the admin', () => {
  const app = useApp();

  it('lets the admin from TRYG_ADMIN_* sign in, with a strict httpOnly session cookie holding a 256-bit token', async () => {
    const res = await loginAttempt(app(), ADMIN.login, ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      account: { id: expect.stringMatching(UUID), login: ADMIN.login, role: 'admin', locale: 'da' },
    });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    // A session cookie: closing the browser ends it.
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    const token = decodeURIComponent(cookie!.split(';')[0].slice(SESSION_COOKIE.length + 1));
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('accepts the login case-insensitively', async () => {
    const res = await loginAttempt(app(), ADMIN.login.toUpperCase(), ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.body.account.login).toBe(ADMIN.login);
  });

  it('lets the admin create a coordinator and a facilitator, and each signs in with its role', async () => {
    const admin = await signInAdmin(app());
    for (const role of ['coordinator', 'facilitator'] as const) {
      const login = `new.${role}`;
      const password = `${role}-secret-pass`;
      const created = await admin.post('/admin/staff', { login, password, role, displayName: `The ${role}` });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ account: { id: expect.stringMatching(UUID), login, role, locale: 'da' } });

      const client = new Client(app().url);
      const signedIn = await client.post('/auth/login', { login, password });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.account).toEqual(created.body.account);
      const me = await client.get('/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.account).toEqual({ id: created.body.account.id, login, role, locale: 'da' });
    }
    const list = await admin.get('/admin/staff');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { login: string }) => s.login)).toEqual(
      expect.arrayContaining([ADMIN.login, 'new.coordinator', 'new.facilitator']),
    );
  });

  it('refuses a taken login with 409 LOGIN_TAKEN, whatever its case', async () => {
    const admin = await signInAdmin(app());
    const res = await admin.post('/admin/staff', {
      login: 'NEW.Coordinator',
      password: 'another-pass-1',
      role: 'coordinator',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LOGIN_TAKEN');
  });

  it('refuses staff creation to non-admins (403) and to nobody signed in (401)', async () => {
    const admin = await signInAdmin(app());
    const coordinator = await createStaff(app(), admin, 'coordinator', 'coord.two');
    const res = await coordinator.client.post('/admin/staff', {
      login: 'sneaky',
      password: 'sneaky-pass-1',
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const anonymous = await new Client(app().url).post('/admin/staff', {
      login: 'sneaky',
      password: 'sneaky-pass-1',
      role: 'admin',
    });
    expect(anonymous.status).toBe(401);
  });

  it('applies the chosen-password rules to staff creation (too short, equal to the login, bad login → 400)', async () => {
    const admin = await signInAdmin(app());
    const tooShort = await admin.post('/admin/staff', {
      login: 'short.pw',
      password: '123456789',
      role: 'facilitator',
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.code).toBe('VALIDATION');
    expect(tooShort.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));

    const sameAsLogin = await admin.post('/admin/staff', {
      login: 'same.as.login',
      password: 'SAME.AS.LOGIN',
      role: 'facilitator',
    });
    expect(sameAsLogin.status).toBe(400);
    expect(sameAsLogin.body.code).toBe('VALIDATION');

    const badLogin = await admin.post('/admin/staff', {
      login: 'no spaces!',
      password: 'long-enough-pass',
      role: 'facilitator',
    });
    expect(badLogin.status).toBe(400);
    expect(badLogin.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'login' })]));

    const participantRole = await admin.post('/admin/staff', {
      login: 'not.staff',
      password: 'long-enough-pass',
      role: 'participant',
    });
    expect(participantRole.status).toBe(400);

    // None of the refused accounts exist.
    for (const login of ['short.pw', 'same.as.login', 'not.staff']) {
      expect((await loginAttempt(app(), login, 'long-enough-pass')).status).toBe(401);
    }
  });
});

describe('failed sign-in and throttling', () => {
  const app = useApp();

  it('answers a wrong password and an unknown login with byte-identical 401 INVALID_CREDENTIALS bodies', async () => {
    const admin = await signInAdmin(app());
    await createStaff(app(), admin, 'facilitator', 'known.person', 'known-person-pass');
    const wrongPassword = await loginAttempt(app(), 'known.person', 'not-the-password');
    const unknownLogin = await loginAttempt(app(), 'nobody.here', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownLogin.status).toBe(401);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrongPassword.text).toBe(unknownLogin.text);
    expect(wrongPassword.headers['content-type']).toBe(unknownLogin.headers['content-type']);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    expect(unknownLogin.headers['set-cookie']).toBeUndefined();
  });

  it('gives the 6th try on one login within 15 minutes a 429 with Retry-After, even with the right password', async () => {
    const admin = await signInAdmin(app());
    await createStaff(app(), admin, 'coordinator', 'target.login', 'target-login-pass');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await loginAttempt(app(), 'target.login', `wrong-guess-${attempt}`);
      expect(res.status).toBe(401);
    }
    const sixth = await loginAttempt(app(), 'target.login', 'target-login-pass');
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('RATE_LIMITED');
    expect(sixth.headers['set-cookie']).toBeUndefined();
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // The counter is per login, case-insensitively...
    expect((await loginAttempt(app(), 'TARGET.LOGIN', 'target-login-pass')).status).toBe(429);
    // ...and another login from the same client still works.
    expect((await loginAttempt(app(), ADMIN.login, ADMIN.password)).status).toBe(200);
  });

  it('never counts successes', async () => {
    const admin = await signInAdmin(app());
    await createStaff(app(), admin, 'facilitator', 'often.here', 'often-here-pass');
    for (let i = 0; i < 8; i++) expect((await loginAttempt(app(), 'often.here', 'often-here-pass')).status).toBe(200);
  });

  it('answers malformed credentials (empty, too long) with 400, not a 500', async () => {
    expect((await loginAttempt(app(), '', 'x')).status).toBe(400);
    expect((await loginAttempt(app(), 'x', 'p'.repeat(257))).status).toBe(400);
    expect((await new Client(app().url).post('/auth/login', { login: 'x' })).status).toBe(400);
  });
});

describe('logout, me and locale', () => {
  const app = useApp();

  it('logs out with 204, clears the cookie, and the old cookie then gets 401', async () => {
    const client = await signInAdmin(app());
    const token = tokenOf(client);
    await expectAccepted(app(), token);
    const res = await client.post('/auth/logout');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const cleared = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    await expectRejected(app(), token);
    expect((await clientWithToken(app(), token).post('/auth/logout')).status).toBe(401);
  });

  it('answers /auth/me with the account and memberships, and 401 without a session or with a forged one', async () => {
    const client = await signInAdmin(app());
    const me = await client.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      account: { id: expect.stringMatching(UUID), login: ADMIN.login, role: 'admin', locale: 'da' },
      memberships: [],
    });
    expect((await new Client(app().url).get('/auth/me')).status).toBe(401);
    await expectRejected(app(), Buffer.alloc(32, 1).toString('base64url'));
  });

  it('changes the locale with PATCH /auth/me and keeps it for later sessions', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'locale.user');
    const res = await staff.client.patch('/auth/me', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.account.locale).toBe('en');
    const again = await signIn(app(), staff.login, staff.password);
    expect((await again.get('/auth/me')).body.account.locale).toBe('en');

    expect((await staff.client.patch('/auth/me', { locale: 'fr' })).status).toBe(400);
    const massAssignment = await staff.client.patch('/auth/me', { role: 'admin' });
    expect(massAssignment.status).toBe(400);
    expect((await staff.client.get('/auth/me')).body.account.role).toBe('facilitator');
  });
});

describe('password change', () => {
  const app = useApp();

  it('revokes every other session but keeps the current one; only the new password works afterwards', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'coordinator', 'pw.changer', 'first-password-1');
    const other = await signIn(app(), staff.login, staff.password);
    const otherToken = tokenOf(other);

    const res = await staff.client.post('/auth/password', {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    });
    expect(res.status).toBe(204);
    await expectAccepted(app(), tokenOf(staff.client));
    await expectRejected(app(), otherToken);

    expect((await loginAttempt(app(), staff.login, 'first-password-1')).status).toBe(401);
    expect((await loginAttempt(app(), staff.login, 'second-password-2')).status).toBe(200);
  });

  it('refuses a wrong current password (401) and a too-short new password (400), changing nothing', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'pw.rules', 'pw-rules-pass-1');
    const other = await signIn(app(), staff.login, staff.password);

    const wrong = await staff.client.post('/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'another-pass-2',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');

    const short = await staff.client.post('/auth/password', {
      currentPassword: 'pw-rules-pass-1',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION');

    // Nothing changed: the old password still works and the other session lives.
    await expectAccepted(app(), tokenOf(other));
    expect((await loginAttempt(app(), staff.login, 'pw-rules-pass-1')).status).toBe(200);
  });

  it('refuses a new password equal to the login even when it is long enough', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'login.of.ten.chars', 'pw-long-login-1');
    const res = await staff.client.post('/auth/password', {
      currentPassword: 'pw-long-login-1',
      newPassword: 'Login.Of.Ten.Chars',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect((await loginAttempt(app(), staff.login, 'pw-long-login-1')).status).toBe(200);
  });
});

describe('session list and revocation', () => {
  const app = useApp();

  it('lists sessions without address or user agent, with ids that are neither the token nor its hash', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'many.devices');
    const second = await signIn(app(), staff.login, staff.password);
    const third = await signIn(app(), staff.login, staff.password);
    const tokens = [staff.client, second, third].map(tokenOf);

    const res = await staff.client.get('/auth/sessions');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toHaveLength(3);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(['createdAt', 'current', 'id', 'lastSeenAt']);
      expect(item.id).toMatch(UUID);
      expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
      expect(new Date(item.lastSeenAt).toISOString()).toBe(item.lastSeenAt);
    }
    expect(res.body.items.filter((i: { current: boolean }) => i.current)).toHaveLength(1);
    for (const token of tokens) {
      const hash = createHash('sha256').update(token).digest('hex');
      expect(res.text).not.toContain(token);
      expect(res.text).not.toContain(hash);
    }
    // Another account's sessions are not listed.
    expect((await admin.get('/auth/sessions')).body.items.every((i: { id: string }) => !res.text.includes(i.id))).toBe(
      true,
    );
  });

  it('revokes one session (204, that cookie then 401) and refuses another account’s session id with 404', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'coordinator', 'revoke.one');
    const second = await signIn(app(), staff.login, staff.password);
    const secondId = (await second.get('/auth/sessions')).body.items.find((i: { current: boolean }) => i.current)
      .id as string;

    const notMine = await admin.delete(`/auth/sessions/${secondId}`);
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('NOT_FOUND');
    await expectAccepted(app(), tokenOf(second));

    const res = await staff.client.delete(`/auth/sessions/${secondId}`);
    expect(res.status).toBe(204);
    await expectRejected(app(), tokenOf(second));
    await expectAccepted(app(), tokenOf(staff.client));
    expect((await staff.client.delete(`/auth/sessions/${secondId}`)).status).toBe(404);
    expect((await staff.client.get('/auth/sessions')).body.items).toHaveLength(1);
  });

  it('revokes the current session by its id too: 204, cookie cleared, then 401', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'coordinator', 'revoke.self');
    const token = tokenOf(staff.client);
    const ownId = (await staff.client.get('/auth/sessions')).body.items.find((i: { current: boolean }) => i.current)
      .id as string;
    const res = await staff.client.delete(`/auth/sessions/${ownId}`);
    expect(res.status).toBe(204);
    expect((res.headers['set-cookie'] as unknown as string[]).some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(
      true,
    );
    await expectRejected(app(), token);
  });

  it('revokes all other sessions with DELETE /auth/sessions and keeps the current one', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'revoke.all');
    const others = [await signIn(app(), staff.login, staff.password), await signIn(app(), staff.login, staff.password)];
    const adminToken = tokenOf(admin);

    const res = await staff.client.delete('/auth/sessions');
    expect(res.status).toBe(204);
    for (const other of others) await expectRejected(app(), tokenOf(other));
    await expectAccepted(app(), tokenOf(staff.client));
    await expectAccepted(app(), adminToken);
    const list = await staff.client.get('/auth/sessions');
    expect(list.body.items).toEqual([expect.objectContaining({ current: true })]);
  });
});

describe('recovery codes', () => {
  const app = useApp();

  it('creates ten distinct codes, each usable once; recovery sets the new password and revokes every session', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'coordinator', 'forgetful', 'forgetful-pass-1');
    const other = await signIn(app(), staff.login, staff.password);

    const wrongPassword = await staff.client.post('/auth/recovery-codes', { password: 'not-my-password' });
    expect(wrongPassword.status).toBe(401);

    const created = await staff.client.post('/auth/recovery-codes', { password: 'forgetful-pass-1' });
    expect(created.status).toBe(201);
    const codes = created.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const tokens = [tokenOf(staff.client), tokenOf(other)];
    const anonymous = new Client(app().url);
    const recovered = await anonymous.post('/auth/recover', {
      login: staff.login,
      recoveryCode: codes[0],
      newPassword: 'recovered-pass-2',
    });
    expect(recovered.status).toBe(204);
    for (const token of tokens) await expectRejected(app(), token);
    expect((await loginAttempt(app(), staff.login, 'forgetful-pass-1')).status).toBe(401);
    expect((await loginAttempt(app(), staff.login, 'recovered-pass-2')).status).toBe(200);

    // One-time: the same code again is refused.
    const reused = await anonymous.post('/auth/recover', {
      login: staff.login,
      recoveryCode: codes[0],
      newPassword: 'recovered-pass-3',
    });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_CREDENTIALS');
    expect((await loginAttempt(app(), staff.login, 'recovered-pass-2')).status).toBe(200);

    // Typed the way people copy codes from paper: lower case, no dashes.
    const typed = codes[1].toLowerCase().replace(/-/g, '');
    expect(
      (
        await anonymous.post('/auth/recover', {
          login: staff.login,
          recoveryCode: typed,
          newPassword: 'recovered-pass-4',
        })
      ).status,
    ).toBe(204);
    expect((await loginAttempt(app(), staff.login, 'recovered-pass-4')).status).toBe(200);
  });

  it('stops the old codes working once a new set is created', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'new.set', 'new-set-pass-1');
    const first = (await staff.client.post('/auth/recovery-codes', { password: 'new-set-pass-1' })).body
      .recoveryCodes as string[];
    const second = await staff.client.post('/auth/recovery-codes', { password: 'new-set-pass-1' });
    expect(second.status).toBe(201);
    const fresh = second.body.recoveryCodes as string[];
    expect(fresh.some((c) => first.includes(c))).toBe(false);

    const anonymous = new Client(app().url);
    const old = await anonymous.post('/auth/recover', {
      login: staff.login,
      recoveryCode: first[2],
      newPassword: 'new-set-pass-2',
    });
    expect(old.status).toBe(401);
    expect((await loginAttempt(app(), staff.login, 'new-set-pass-1')).status).toBe(200);
    expect(
      (
        await anonymous.post('/auth/recover', {
          login: staff.login,
          recoveryCode: fresh[0],
          newPassword: 'new-set-pass-3',
        })
      ).status,
    ).toBe(204);
  });

  it('refuses a code of another account, an unknown login and a new password that breaks the rules', async () => {
    const admin = await signInAdmin(app());
    const alice = await createStaff(app(), admin, 'facilitator', 'alice.recovers', 'alice-pass-123');
    const bob = await createStaff(app(), admin, 'facilitator', 'bob.r', 'bob-pass-1234');
    const aliceCodes = (await alice.client.post('/auth/recovery-codes', { password: 'alice-pass-123' })).body
      .recoveryCodes as string[];
    const anonymous = new Client(app().url);

    const othersCode = await anonymous.post('/auth/recover', {
      login: bob.login,
      recoveryCode: aliceCodes[0],
      newPassword: 'taken-over-1',
    });
    const unknownLogin = await anonymous.post('/auth/recover', {
      login: 'no.such.one',
      recoveryCode: aliceCodes[0],
      newPassword: 'taken-over-1',
    });
    expect(othersCode.status).toBe(401);
    expect(unknownLogin.text).toBe(othersCode.text);
    expect((await loginAttempt(app(), bob.login, 'bob-pass-1234')).status).toBe(200);

    const short = await anonymous.post('/auth/recover', {
      login: alice.login,
      recoveryCode: aliceCodes[0],
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    const asLogin = await anonymous.post('/auth/recover', {
      login: alice.login,
      recoveryCode: aliceCodes[0],
      newPassword: 'Alice.Recovers',
    });
    expect(asLogin.status).toBe(400);
    // The rule answers the same for a login that does not exist, so it reveals nothing about which do.
    const asUnknownLogin = await anonymous.post('/auth/recover', {
      login: 'ghost.account',
      recoveryCode: aliceCodes[0],
      newPassword: 'Ghost.Account',
    });
    expect(asUnknownLogin.status).toBe(400);
    expect(asUnknownLogin.text).toBe(asLogin.text);
    // The refused attempts did not use the code up.
    expect(
      (
        await anonymous.post('/auth/recover', {
          login: alice.login,
          recoveryCode: aliceCodes[0],
          newPassword: 'alice-pass-456',
        })
      ).status,
    ).toBe(204);
  });
});

describe('staff disable and enable', () => {
  const app = useApp();

  it('disabling revokes the sessions (old cookie 401), blocks sign-in, and a repeat is 409; enabling restores sign-in', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'to.disable', 'to-disable-pass');
    const token = tokenOf(staff.client);

    const res = await admin.post(`/admin/staff/${staff.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ id: staff.id, login: staff.login, disabled: true }));
    await expectRejected(app(), token);
    const refused = await loginAttempt(app(), staff.login, staff.password);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    // The same bytes as for a login that does not exist: a disabled account is not revealed either.
    expect(refused.text).toBe((await loginAttempt(app(), 'never.existed', staff.password)).text);

    const again = await admin.post(`/admin/staff/${staff.id}/disable`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');

    const enabled = await admin.post(`/admin/staff/${staff.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    expect((await admin.post(`/admin/staff/${staff.id}/enable`)).status).toBe(409);
    expect((await loginAttempt(app(), staff.login, staff.password)).status).toBe(200);
    // The revoked session does not come back with the account.
    await expectRejected(app(), token);
  });

  it('answers a non-UUID id with 400, an unknown one with 404, and non-admins with 403', async () => {
    const admin = await signInAdmin(app());
    const coordinator = await createStaff(app(), admin, 'coordinator', 'not.an.admin');
    expect((await admin.post('/admin/staff/not-a-uuid/disable')).status).toBe(400);
    expect((await admin.post('/admin/staff/7a3c54c4-1111-4b7e-9e0f-2f1d9c0b1a2e/disable')).status).toBe(404);
    expect((await coordinator.client.post(`/admin/staff/${coordinator.id}/disable`)).status).toBe(403);
  });
});

describe('audit trail', () => {
  const app = useApp();

  it('records login success and failure, staff creation and password change, with ids and no secrets', async () => {
    const admin = await signInAdmin(app());
    const adminId = (await admin.get('/auth/me')).body.account.id as string;
    const staff = await createStaff(app(), admin, 'coordinator', 'audited.one', 'audited-pass-1');
    expect((await loginAttempt(app(), 'audited.one', 'a-wrong-secret-guess')).status).toBe(401);
    expect(
      (await staff.client.post('/auth/password', { currentPassword: 'audited-pass-1', newPassword: 'audited-pass-2' }))
        .status,
    ).toBe(204);
    const codes = (await staff.client.post('/auth/recovery-codes', { password: 'audited-pass-2' })).body
      .recoveryCodes as string[];

    const res = await admin.get('/admin/audit');
    expect(res.status).toBe(200);
    const items = res.body.items as {
      id: string;
      type: string;
      actorId: string | null;
      subjectId: string | null;
      createdAt: string;
    }[];
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['actorId', 'createdAt', 'id', 'subjectId', 'type']);
      expect(item.id).toMatch(UUID);
    }
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'login.succeeded', actorId: adminId, subjectId: adminId }),
        expect.objectContaining({ type: 'login.succeeded', actorId: staff.id, subjectId: staff.id }),
        expect.objectContaining({ type: 'login.failed', actorId: null, subjectId: staff.id }),
        expect.objectContaining({ type: 'staff.created', actorId: adminId, subjectId: staff.id }),
        expect.objectContaining({ type: 'password.changed', actorId: staff.id, subjectId: staff.id }),
      ]),
    );
    // Newest first.
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    for (const secret of [
      'audited-pass-1',
      'audited-pass-2',
      'a-wrong-secret-guess',
      ADMIN.password,
      tokenOf(admin),
      tokenOf(staff.client),
      ...codes,
    ]) {
      expect(res.text).not.toContain(secret);
    }

    const failedOnly = await admin.get('/admin/audit?type=login.failed');
    expect(failedOnly.body.items.length).toBeGreaterThan(0);
    expect(failedOnly.body.items.every((i: { type: string }) => i.type === 'login.failed')).toBe(true);
  });

  it('pages with a cursor: no item twice, none missing, newest first', async () => {
    const admin = await signInAdmin(app());
    for (let i = 0; i < 60; i++) await signInAdmin(app());
    const all: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await admin.get(
        `/admin/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(cursor).toBeNull();
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const total = (await app().dataSource.query('SELECT COUNT(*) AS n FROM audit_events'))[0].n as number;
    expect(all).toHaveLength(total);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].createdAt >= all[i].createdAt).toBe(true);

    expect((await admin.get('/admin/audit?cursor=not-a-cursor')).status).toBe(400);
    const future = await admin.get('/admin/audit?from=2999-01-01T00:00:00.000Z');
    expect(future.status).toBe(200);
    expect(future.body.items).toEqual([]);
    const past = await admin.get(`/admin/audit?to=${encodeURIComponent(all[all.length - 1].createdAt)}`);
    expect(past.body.items).toEqual([]);
  });

  it('lists events of one instant newest first, in the order they happened', async () => {
    const admin = await signInAdmin(app());
    const clock = app().clock;
    const realNow = clock.now.bind(clock);
    const instant = new Date('2027-06-01T12:00:00.000Z');
    clock.now = () => new Date(instant);
    try {
      const created: string[] = [];
      for (let i = 0; i < 8; i++)
        created.push((await createStaff(app(), admin, 'facilitator', `same.instant.${i}`)).id);
      const listed = (await admin.get('/admin/audit?type=staff.created')).body.items as {
        subjectId: string;
        createdAt: string;
      }[];
      const atInstant = listed.filter((item) => item.createdAt === instant.toISOString());
      expect(atInstant.map((item) => item.subjectId)).toEqual([...created].reverse());
    } finally {
      clock.now = realNow;
    }
  });

  it('is for admins only (403 for staff of other roles, 401 without a session)', async () => {
    const admin = await signInAdmin(app());
    const coordinator = await createStaff(app(), admin, 'coordinator', 'audit.coord');
    const facilitator = await createStaff(app(), admin, 'facilitator', 'audit.fac');
    for (const client of [coordinator.client, facilitator.client]) {
      const res = await client.get('/admin/audit');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await new Client(app().url).get('/admin/audit')).status).toBe(401);
  });

  it('is append-only in the database itself', async () => {
    await expect(app().dataSource.query(`UPDATE audit_events SET type = 'changed'`)).rejects.toThrow(/append-only/);
  });
});

describe('session expiry (the injected clock moves)', () => {
  const app = useApp();

  it('ends a session idle for 30 minutes, and activity restarts the idle timer', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'facilitator', 'idle.one');
    const token = tokenOf(staff.client);

    app().clock.advance(20 * MINUTE);
    await expectAccepted(app(), token);
    app().clock.advance(20 * MINUTE); // 40 minutes after sign-in, 20 after the last request
    await expectAccepted(app(), token);
    app().clock.advance(29 * MINUTE);
    await expectAccepted(app(), token);
    app().clock.advance(30 * MINUTE + 1000);
    await expectRejected(app(), token);
    // A fresh sign-in works at the moved time.
    expect((await loginAttempt(app(), staff.login, staff.password)).status).toBe(200);
  });

  it('ends a session 12 hours after sign-in even with activity in between', async () => {
    const admin = await signInAdmin(app());
    const staff = await createStaff(app(), admin, 'coordinator', 'busy.one');
    const token = tokenOf(staff.client);
    let elapsed = 0;
    while (elapsed + 25 * MINUTE < 12 * 60 * MINUTE) {
      app().clock.advance(25 * MINUTE);
      elapsed += 25 * MINUTE;
      await expectAccepted(app(), token);
    }
    app().clock.advance(12 * 60 * MINUTE - elapsed + 1000); // past 12 hours; idle for under 25 minutes
    await expectRejected(app(), token);
  });
});

describe('session cookie behind an HTTPS proxy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  const cookieOf = (res: request.Response) =>
    (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;

  it('marks the cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const overHttps = await new Client(app.url).agent
      .post('/api/v1/auth/login')
      .set('X-Tryg-Csrf', '1')
      .set('X-Forwarded-Proto', 'https')
      .send({ login: ADMIN.login, password: ADMIN.password });
    expect(overHttps.status).toBe(200);
    expect(cookieOf(overHttps)).toMatch(/;\s*Secure/i);

    const overHttp = await loginAttempt(app, ADMIN.login, ADMIN.password);
    expect(cookieOf(overHttp)).not.toMatch(/;\s*Secure/i);
  });
});
