import { createHash } from 'node:crypto';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import {
  ADMIN,
  Client,
  createStaff,
  signIn,
  signInAdmin,
  startTestApp,
  tokenOf,
  type TestApp,
} from '../support/test-app';

/**
 * PRODUCT.md threat 4: a stolen database copy holds no password, session token or recovery code.
 * TESTING.md: read every byte SQLite keeps, prove the scan finds a canary, then look for secrets.
 */
describe('secrets at rest (SQLite files)', () => {
  let app: TestApp;
  const passwords: string[] = [ADMIN.password];
  const tokens: string[] = [];
  const recoveryCodes: string[] = [];
  const canaryLogin = 'canary.login.7f3a';

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    tokens.push(tokenOf(admin));

    // A staff account: its login is stored in plain text on purpose (the canary).
    const staff = await createStaff(app, admin, 'facilitator', canaryLogin, 'Canary-Initial-Pass-1');
    passwords.push('Canary-Initial-Pass-1');
    tokens.push(tokenOf(staff.client));

    const second = await signIn(app, staff.login, 'Canary-Initial-Pass-1');
    tokens.push(tokenOf(second));

    expect(
      (
        await staff.client.post('/auth/password', {
          currentPassword: 'Canary-Initial-Pass-1',
          newPassword: 'Canary-Changed-Pass-2',
        })
      ).status,
    ).toBe(204);
    passwords.push('Canary-Changed-Pass-2');

    const codes = await staff.client.post('/auth/recovery-codes', { password: 'Canary-Changed-Pass-2' });
    expect(codes.status).toBe(201);
    recoveryCodes.push(...(codes.body.recoveryCodes as string[]));

    // Use one code to recover (so a used code's row exists too), then sign in with the new password.
    const recovered = await new Client(app.url).post('/auth/recover', {
      login: staff.login,
      recoveryCode: recoveryCodes[0],
      newPassword: 'Canary-Recovered-Pass-3',
    });
    expect(recovered.status).toBe(204);
    passwords.push('Canary-Recovered-Pass-3');
    const again = await signIn(app, staff.login, 'Canary-Recovered-Pass-3');
    tokens.push(tokenOf(again));

    // A second set: both the replaced set and the live one must be absent.
    const fresh = await again.post('/auth/recovery-codes', { password: 'Canary-Recovered-Pass-3' });
    expect(fresh.status).toBe(201);
    recoveryCodes.push(...(fresh.body.recoveryCodes as string[]));

    // A failed login with a guessed password: even a wrong password must not be kept.
    expect(
      (await new Client(app.url).post('/auth/login', { login: staff.login, password: 'Canary-Wrong-Guess-9' })).status,
    ).toBe(401);
    passwords.push('Canary-Wrong-Guess-9');
  });
  afterAll(() => app.close());

  it('scans every byte: the canary stored in plain text is found', async () => {
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(containsText(bytes, canaryLogin)).toBe(true);
    // The schema is there too: these are the database's own bytes, not an empty file.
    expect(containsText(bytes, 'audit_events')).toBe(true);
  });

  it('holds no password (chosen, changed, recovered or guessed) in plain text', async () => {
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(passwords.filter((p) => containsText(bytes, p))).toEqual([]);
  });

  it('holds no session token, only a hash that is not the cookie value', async () => {
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(tokens).toHaveLength(4);
    expect(tokens.filter((t) => containsText(bytes, t))).toEqual([]);
    // The hex of the raw token bytes would be the token too, just spelt differently.
    expect(tokens.filter((t) => containsText(bytes, Buffer.from(t, 'base64url').toString('hex')))).toEqual([]);
    // Sanity: the stored form really is its SHA-256 (so this scan looked at the right table).
    const live = tokens[tokens.length - 1];
    expect(containsText(bytes, createHash('sha256').update(live).digest('hex'))).toBe(true);
  });

  it('holds no recovery code, in the form shown or the form typed', async () => {
    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    expect(recoveryCodes).toHaveLength(20);
    const found = recoveryCodes.filter(
      (code) => containsText(bytes, code) || containsText(bytes, code.replace(/-/g, '')),
    );
    expect(found).toEqual([]);
  });
});
