import { PRODUCTION_PASSWORD_HASHING } from '../../api/src/config/app-config';
import { ADMIN, Client, createStaff, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/** OWASP's argon2id minimum, the floor CONTRACT and TESTING.md name. */
const FLOOR = { m: 19456, t: 2, p: 1 };

function parsePhc(hash: string): { algorithm: string; version: number; m: number; t: number; p: number } {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash);
  if (!match) throw new Error(`not an argon2 PHC string: ${hash.slice(0, 30)}…`);
  return {
    algorithm: match[1],
    version: Number(match[2]),
    m: Number(match[3]),
    t: Number(match[4]),
    p: Number(match[5]),
  };
}

describe('password hashes under the production configuration', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { passwordHashing: PRODUCTION_PASSWORD_HASHING } });
  });
  afterAll(() => app.close());

  const storedHashOf = async (login: string): Promise<string> =>
    (
      (await app.dataSource.query('SELECT password_hash FROM accounts WHERE login = ?', [login])) as {
        password_hash: string;
      }[]
    )[0].password_hash;

  it('stores argon2id v=19 with m ≥ 19456 KiB, t ≥ 2, p ≥ 1 for the first admin and for staff created through the API', async () => {
    const admin = await signInAdmin(app);
    const staff = await createStaff(app, admin, 'facilitator', 'hashed.staff', 'hashed-staff-pass');
    // A password change goes through the same hasher.
    expect(
      (
        await staff.client.post('/auth/password', {
          currentPassword: staff.password,
          newPassword: 'hashed-staff-pass-2',
        })
      ).status,
    ).toBe(204);

    for (const login of [ADMIN.login, staff.login]) {
      const hash = await storedHashOf(login);
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      const { algorithm, version, m, t, p } = parsePhc(hash);
      expect({ algorithm, version }).toEqual({ algorithm: 'argon2id', version: 19 });
      expect(m).toBeGreaterThanOrEqual(FLOOR.m);
      expect(t).toBeGreaterThanOrEqual(FLOOR.t);
      expect(p).toBeGreaterThanOrEqual(FLOOR.p);
    }
    // And the stored form still verifies.
    expect(
      (await new Client(app.url).post('/auth/login', { login: staff.login, password: 'hashed-staff-pass-2' })).status,
    ).toBe(200);
  });

  it('gives every hash its own salt', async () => {
    const admin = await signInAdmin(app);
    await createStaff(app, admin, 'coordinator', 'same.pw.one', 'the-very-same-pass');
    await createStaff(app, admin, 'coordinator', 'same.pw.two', 'the-very-same-pass');
    expect(await storedHashOf('same.pw.one')).not.toBe(await storedHashOf('same.pw.two'));
  });
});
