import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  expectHeading,
  meStatus,
  sessionToken,
  signInThroughPage,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { ADMIN, createStaff, signInAdmin } from '../support/test-app';

// One Chromium and one app serve the whole suite; each test drives several pages.
jest.setTimeout(60_000);

describe('sign-in, sign-out and language in the browser', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('lets the admin from the environment sign in through the login page', async () => {
    const { page } = await suite.newPage();
    await page.goto('/');
    // Nobody is signed in: the home page sends the visitor to the login page.
    await expectHeading(page, da.login.title);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.title()).toBe(da.app.titleFormat.replace('{{page}}', da.titles.signIn));

    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectHeading(page, da.home.title);
    expect(new URL(page.url()).pathname).toBe('/');
    // The admin's home leads to staff and the history (shown by the shared permission matrix).
    await page.getByRole('heading', { level: 2, name: da.staff.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: da.audit.title }).waitFor();
    expect(await page.title()).toBe(da.app.titleFormat.replace('{{page}}', da.titles.home));
    await page.getByRole('link', { name: da.audit.homeLink, exact: true }).click();
    await expectHeading(page, da.audit.title);
    // The history in words, never the raw key: this very sign-in, by the admin.
    await page.locator('.audit-list .item-title').getByText(da.audit.types.loginSucceeded).first().waitFor();
  });

  it("says what a required field needs in the page's language, not the browser's", async () => {
    // An English-speaking browser on the Danish page: the browser's own message would be English.
    const { page } = await suite.newPage({ locale: 'en-US' });
    await page.goto('/login');
    await expectHeading(page, en.login.title);
    await page.getByRole('button', { name: 'Dansk', exact: true }).click();
    await expectHeading(page, da.login.title);
    await page.locator('main form button[type="submit"]').click();
    const errors = page.locator('main .field-error');
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual([da.form.required, da.form.required]);
    // Nothing was sent, and the browser's own bubble did not speak instead.
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('answers a wrong password with the generic message and stays on the login page', async () => {
    const { page } = await suite.newPage();
    await page.goto('/login');
    await signInThroughPage(page, ADMIN.login, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: da.login.invalid }).waitFor();
    await expectHeading(page, da.login.title);
  });

  it('shows each staff role its own home, without the admin-only panels', async () => {
    const admin = await signInAdmin(suite.app);
    const coordinator = await createStaff(suite.app, admin, 'coordinator', 'coord.home');
    const { page } = await suite.newPage();
    await signInThroughPage(page, coordinator.login, coordinator.password);
    await expectHeading(page, da.home.title);
    await page.getByText(da.home.intro.coordinator).waitFor();
    await page.getByText(da.home.capabilities.referralIssue).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: da.staff.title }).count()).toBe(0);
    expect(await page.getByText(da.home.capabilities.staffManage).count()).toBe(0);
  });

  it('signs out: the session ends on the server and signed-in pages send to the login page', async () => {
    const { context, page } = await suite.newPage();
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectHeading(page, da.home.title);
    const token = await sessionToken(context);
    expect(await meStatus(suite.app, token)).toBe(200);

    await page.getByRole('button', { name: da.nav.logout, exact: true }).click();
    await expectHeading(page, da.login.title);
    expect(await meStatus(suite.app, token)).toBe(401);

    await page.goto('/account');
    await expectHeading(page, da.login.title);
  });

  it('goes to the login page when the session ends elsewhere while a page is open', async () => {
    const { context, page } = await suite.newPage();
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectHeading(page, da.home.title);
    const token = await sessionToken(context);
    // Revoked from outside the page (as "sign out all other devices" would).
    const res = await fetch(`${suite.app.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Cookie: `tryg_session=${token}`, 'X-Tryg-Csrf': '1' },
    });
    expect(res.status).toBe(204);

    await page.getByRole('link', { name: da.nav.account, exact: true }).click();
    await expectHeading(page, da.login.title);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('switches between Danish and English and remembers the choice on the account', async () => {
    const admin = await signInAdmin(suite.app);
    const facilitator = await createStaff(suite.app, admin, 'facilitator', 'lang.switch');
    const { page } = await suite.newPage();
    await page.goto('/login');
    await expectHeading(page, da.login.title);

    // Before sign-in the choice lives in memory only, and is saved to the account at sign-in.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expectHeading(page, en.login.title);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await signInThroughPage(page, facilitator.login, facilitator.password);
    await expectHeading(page, en.home.title);
    expect((await saved).status()).toBe(200);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe('{}');

    await page.getByRole('link', { name: en.nav.account, exact: true }).click();
    await expectHeading(page, en.account.title);
    const savedDanish = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Dansk', exact: true }).click();
    await expectHeading(page, da.account.title);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect((await savedDanish).status()).toBe(200);

    // Remembered per account: a new browser that asks for English still opens in Danish after sign-in.
    const { page: other } = await suite.newPage({ locale: 'en-GB' });
    await other.goto('/login');
    await expectHeading(other, en.login.title);
    await signInThroughPage(other, facilitator.login, facilitator.password);
    await expectHeading(other, da.home.title);
    expect(await other.getAttribute('html', 'lang')).toBe('da');
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
