import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { SESSION_COOKIE } from '@tryg/shared';
import { chromiumEndpoint } from './services';
import { type Client, REPO_ROOT, startTestApp, type TestApp, tokenOf } from './test-app';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Stands in for the neutral public page quick exit goes to (there is no internet here). */
export interface ExitSite {
  url: string;
  /** Paths requested so far. */
  hits: string[];
  close: () => Promise<void>;
}

export const EXIT_PAGE_HEADING = 'Vejret i dag';

export async function startExitSite(): Promise<ExitSite> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '/');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      `<!doctype html><html lang="da"><head><title>Vejret</title></head><body><h1>${EXIT_PAGE_HEADING}</h1></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The browser suite runs the built web app; a missing build must fail loudly, not test nothing. */
export function assertWebBuilt(): void {
  const index = join(REPO_ROOT, 'web', 'dist', 'index.html');
  if (!existsSync(index)) {
    throw new Error(
      `${index} is missing: build the web app first (npm test does; or npx vite build --config web/vite.config.mts)`,
    );
  }
}

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
    return hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export type PageOptions = Pick<BrowserContextOptions, 'locale' | 'colorScheme' | 'reducedMotion' | 'viewport'>;

export interface BrowserSuite {
  app: TestApp;
  browser: Browser;
  exit: ExitSite;
  /** Every request a page made to anywhere but 127.0.0.1; suites assert it stays empty. */
  offsite: string[];
  /** A fresh context (own cookies) with one page; `locale` is what the browser asks for (default da-DK). */
  newPage: (options?: PageOptions) => Promise<{ context: BrowserContext; page: Page }>;
  close: () => Promise<void>;
}

/**
 * One real app (on a fresh database) and one exit site for a whole suite, driving the run's one
 * Chromium (test/support/services.ts: the machine's, else the npm-delivered one).
 */
export async function startBrowserSuite(): Promise<BrowserSuite> {
  assertWebBuilt();
  const exit = await startExitSite();
  const app = await startTestApp({ env: { QUICK_EXIT_URL: exit.url } });
  const browser = await chromium.connect(await chromiumEndpoint());
  const offsite: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    app,
    browser,
    exit,
    offsite,
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: 'da-DK',
        ...options,
        baseURL: app.url,
        serviceWorkers: 'block',
      });
      contexts.push(context);
      context.on('request', (request) => {
        if (!isLocal(request.url())) offsite.push(request.url());
      });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await exit.close();
    },
  };
}

/** The page's own single `<h1>`, so a scan never runs on a redirect or an error page by mistake. */
export async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible' });
  expect(await page.locator('h1').count()).toBe(1);
  await waitForLoaded(page);
}

/**
 * The page's data is in: nothing in `main` says it is loading. The heading comes before the data,
 * so a test that reads a list right after the heading read it empty on a busy machine.
 */
export async function waitForLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

/**
 * Rules outside the WCAG tags that must find nothing at all: axe's experimental
 * `label-content-name-mismatch` (WCAG 2.5.3, label in name), so a voice-control user can say what
 * they see; spoken names must start with the visible text.
 */
export const AXE_STRICT_RULES = ['label-content-name-mismatch'];

/**
 * TESTING.md: assert the page's own heading first, then axe with the WCAG 2.2 AA tags: 0 serious or
 * critical; and the strict rules: 0 violations of any impact.
 */
export async function expectAccessible(page: Page, heading: string): Promise<void> {
  await expectHeading(page, heading);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.html.slice(0, 200)),
    }));
  expect({ heading, serious }).toEqual({ heading, serious: [] });
  // The scan really ran over this page.
  expect(results.passes.length).toBeGreaterThan(0);

  const strict = await new AxeBuilder({ page }).withRules(AXE_STRICT_RULES).analyze();
  const mismatches = strict.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 200)}`),
  );
  expect({ heading, mismatches }).toEqual({ heading, mismatches: [] });
}

/** A fresh browser context signed in with an API client's session (its cookie, as the server set it). */
export async function pageWithSession(
  suite: BrowserSuite,
  client: Client,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await suite.newPage(options);
  await opened.context.addCookies([
    { name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  return opened;
}

/** i18next's `{{name}}` placeholders, filled as the page fills them. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

/** Signs in through the login form (the same in either language). */
export async function signInThroughPage(page: Page, login: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
}

export async function sessionToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('the browser holds no session cookie');
  return cookie.value;
}

/** The status `GET /auth/me` answers to a given session cookie, asked from outside the browser. */
export async function meStatus(app: TestApp, token: string): Promise<number> {
  const res = await fetch(`${app.url}/api/v1/auth/me`, { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Quick exit sends logout with keepalive and does not wait, so the revocation may land a moment
 * after the browser left: poll until it has, failing after `timeoutMs`.
 */
export async function waitForMeStatus(
  app: TestApp,
  token: string,
  expected: number,
  timeoutMs = 5000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = await meStatus(app, token);
  while (status !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = await meStatus(app, token);
  }
  return status;
}

/**
 * A download's bytes. The browser is the run's shared one, reached over a connection, so the file
 * is streamed here (a local path does not exist on this side).
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Presses a control of the site menu by its name: on a narrow screen the menu folds behind its
 * "Menu" button (the same word in Danish and English), which is opened first.
 */
export async function pressInMenu(page: Page, role: 'button' | 'link', name: string): Promise<void> {
  const target = page.locator('header').getByRole(role, { name, exact: true });
  if (!(await target.isVisible()))
    await page.locator('header').getByRole('button', { name: 'Menu', exact: true }).click();
  await target.click();
}

/**
 * A React Aria date or time field, found by the name of its hidden form input: the visible part is
 * a group of segments (day, month, year; or hours, minutes) typed into like a keyboard user would.
 */
function segmentedField(scope: Page | Locator, name: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('.field', { has: page.locator(`input[name="${name}"]`) }).getByRole('group');
}

/** Types a `YYYY-MM-DD` date into a date field (day, month, year: the order of Danish and British English). */
export async function fillDate(scope: Page | Locator, name: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const segments = segmentedField(scope, name).getByRole('spinbutton');
  await segments.first().click();
  await segments.first().pressSequentially(`${day}${month}${year}`);
}

/** Types an `HH:mm` time into a time field. */
export async function fillTime(scope: Page | Locator, name: string, time: string): Promise<void> {
  const segments = segmentedField(scope, name).getByRole('spinbutton');
  await segments.first().click();
  await segments.first().pressSequentially(time.replace(':', ''));
}

/** Empties a date or time field, part by part. */
export async function clearSegments(scope: Page | Locator, name: string): Promise<void> {
  const segments = segmentedField(scope, name).getByRole('spinbutton');
  for (let i = (await segments.count()) - 1; i >= 0; i -= 1) {
    await segments.nth(i).click();
    for (let k = 0; k < 5; k += 1) await segments.nth(i).press('Backspace');
  }
}
