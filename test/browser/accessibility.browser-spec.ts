import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  expectAccessible,
  signInThroughPage,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { ADMIN, signInAdmin } from '../support/test-app';

const LANGUAGES = [
  { name: 'Danish', locale: 'da-DK', lang: 'da', text: da },
  { name: 'English', locale: 'en-GB', lang: 'en', text: en },
] as const;

// One Chromium and one app serve the whole suite; each test drives several pages.
jest.setTimeout(60_000);

describe('accessibility (axe, WCAG 2.2 AA): 0 serious or critical', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });

  afterAll(async () => {
    await suite?.close();
  });

  /**
   * The account's saved language wins after sign-in (its strings may arrive after the first paint):
   * save the one under test first, so the page never changes language under a scan.
   */
  async function saveAdminLanguage(locale: 'da' | 'en'): Promise<void> {
    const admin = await signInAdmin(suite.app);
    expect((await admin.patch('/auth/me', { locale })).status).toBe(200);
  }

  it.each(LANGUAGES)(
    'login, recovery, home, account and not-found pages in $name',
    async ({ locale, lang, text }) => {
      const { page } = await suite.newPage({ locale });
      await page.goto('/login');
      await expectAccessible(page, text.login.title);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);

      await page.goto('/recover');
      await expectAccessible(page, text.recover.title);

      await saveAdminLanguage(lang);
      await signInThroughPage(page, ADMIN.login, ADMIN.password);
      await expectAccessible(page, text.home.title);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);

      await page.getByRole('link', { name: text.nav.account, exact: true }).click();
      await expectAccessible(page, text.account.title);
      // A neutral word per page (WCAG 2.4.2), not the page's heading.
      expect(await page.title()).toBe(text.app.titleFormat.replace('{{page}}', text.titles.account));

      await page.goto('/no-such-page');
      await expectAccessible(page, text.notFound.title);
    },
  );

  it('login, home and account in dark mode on a small screen, with reduced motion', async () => {
    const { page } = await suite.newPage({
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 360, height: 740 },
    });
    await saveAdminLanguage('da');
    await page.goto('/login');
    await expectAccessible(page, da.login.title);
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectAccessible(page, da.home.title);
    await page.goto('/account');
    await expectAccessible(page, da.account.title);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
