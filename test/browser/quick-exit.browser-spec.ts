import type { Page } from 'playwright-core';
import da from '../../web/src/lib/i18n/da.json';
import {
  EXIT_PAGE_HEADING,
  expectHeading,
  meStatus,
  sessionToken,
  signInThroughPage,
  startBrowserSuite,
  waitForMeStatus,
  type BrowserSuite,
} from '../support/browser';
import { ADMIN, signInAdmin } from '../support/test-app';

// One Chromium and one app serve the whole suite; each test drives several pages.
jest.setTimeout(60_000);

describe('quick exit in the browser', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** Signed in, with a history of Tryg pages (login → home → account) behind the current one. */
  async function signedInOnAccountPage() {
    const { context, page } = await suite.newPage();
    await page.goto('/login');
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectHeading(page, da.home.title);
    await page.getByRole('link', { name: da.nav.account, exact: true }).click();
    await expectHeading(page, da.account.title);
    const token = await sessionToken(context);
    expect(await meStatus(suite.app, token)).toBe(200);
    return { page, token };
  }

  async function expectOnExitSite(page: Page) {
    await page.waitForURL(suite.exit.url);
    await page.getByRole('heading', { level: 1, name: EXIT_PAGE_HEADING }).waitFor();
    expect(await page.title()).toBe('Vejret');
  }

  /** Back after a quick exit: no Tryg page is shown; the tab ends on the neutral page again. */
  async function expectBackShowsNoTryg(page: Page) {
    await page.goBack().catch(() => null);
    await expectOnExitSite(page);
    const text = (await page.locator('body').innerText()).trim();
    expect(text).toBe(EXIT_PAGE_HEADING);
    for (const tryg of [da.app.name, da.account.title, da.home.title, da.login.title, da.quickExit.button])
      expect(text).not.toContain(tryg);
  }

  it('leaves by the button: ends on QUICK_EXIT_URL, the old cookie gets 401, Back shows nothing of Tryg', async () => {
    const { page, token } = await signedInOnAccountPage();
    const button = page.getByRole('button', { name: da.quickExit.button, exact: true });
    // Same place on every page: top right of the viewport.
    const box = await button.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.x + box.width > viewport.width - 24 && box.y < 24).toBe(true);

    await button.click();
    await expectOnExitSite(page);
    expect(await waitForMeStatus(suite.app, token, 401)).toBe(401);
    await expectBackShowsNoTryg(page);
  });

  it('leaves by Escape twice within a second while typing in a field; slower presses do nothing', async () => {
    const { page, token } = await signedInOnAccountPage();
    const field = page.locator('input[name="currentPassword"]');
    await field.click();
    await field.fill('half-typed');

    // Two presses more than a second apart are not a quick exit.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await expectHeading(page, da.account.title);
    expect(await meStatus(suite.app, token)).toBe(200);

    await field.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectOnExitSite(page);
    expect(await waitForMeStatus(suite.app, token, 401)).toBe(401);
    await expectBackShowsNoTryg(page);
  });

  it('leaves by the button while a dialog has made the page behind it inert', async () => {
    // A second session, so the account page offers "sign out all other devices" (a dialog).
    await signInAdmin(suite.app);
    const { page, token } = await signedInOnAccountPage();
    const headerButton = page.locator('header').getByRole('button', { name: da.quickExit.button, exact: true });
    const box = await headerButton.boundingBox();
    if (!box) throw new Error('no quick-exit button in the header');
    await page.getByRole('button', { name: da.account.sessions.revokeOthers, exact: true }).click();
    await page.getByRole('alertdialog').waitFor();
    // The header's own button is now inert: the press must reach the dialog's one, in the same place.
    expect(await headerButton.evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expectOnExitSite(page);
    expect(await waitForMeStatus(suite.app, token, 401)).toBe(401);
  });

  it('says after one Escape that a second one leaves, and forgets it after a second', async () => {
    const { page, token } = await signedInOnAccountPage();
    const hint = page.locator('header .quick-exit-hint');
    expect(await hint.textContent()).toBe('');
    const pressedAt = Date.now();
    await page.keyboard.press('Escape');
    await hint.getByText(da.quickExit.pressAgain, { exact: true }).waitFor();
    // Gone on its own, and not before the second is up (a busy page may take longer, never less).
    await hint.getByText(da.quickExit.pressAgain, { exact: true }).waitFor({ state: 'detached', timeout: 5000 });
    expect(Date.now() - pressedAt).toBeGreaterThanOrEqual(950);
    expect(await hint.textContent()).toBe('');
    await expectHeading(page, da.account.title);
    expect(await meStatus(suite.app, token)).toBe(200);
  });

  it('counts an Escape that closes a dialog: Esc Esc always leaves', async () => {
    // A second session, so the account page offers "sign out all other devices" (a dialog).
    await signInAdmin(suite.app);
    const { page, token } = await signedInOnAccountPage();
    await page.getByRole('button', { name: da.account.sessions.revokeOthers, exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    // Back to back, as a person in a hurry presses them: the first closes the dialog and counts.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectOnExitSite(page);
    expect(await waitForMeStatus(suite.app, token, 401)).toBe(401);
  });

  it('leaves from the login page too, before anyone signed in', async () => {
    const { page } = await suite.newPage();
    // Until the server's address has loaded the built-in fallback applies; wait for it here.
    const config = page.waitForResponse((r) => r.url().endsWith('/api/v1/client-config'));
    await page.goto('/login');
    expect((await config).status()).toBe(200);
    await expectHeading(page, da.login.title);
    await page.locator('input[name="login"]').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectOnExitSite(page);
  });

  it('went to the neutral site served by the test and nowhere outside 127.0.0.1', () => {
    expect(suite.exit.hits.length).toBeGreaterThanOrEqual(4);
    expect(suite.offsite).toEqual([]);
  });
});
