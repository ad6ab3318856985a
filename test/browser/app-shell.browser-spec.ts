import type { BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE, type Role } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import { NAVIGATION } from '../../web/src/app/navigation';
import { FORBIDDEN_TITLE_WORDS } from '../../web/src/app/page-title-words';
import { canOpen, PAGES, pathTo, type PageInfo, type PageName } from '../../web/src/app/pages';
import { startMeetingNow } from '../support/chat-fixtures';
import { expectAccessible, expectHeading, startBrowserSuite, type BrowserSuite, waitForLoaded } from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { type Client, signInAdmin, tokenOf } from '../support/test-app';

// One Chromium and one app; a signed-in browser per role, looked at in four widths.
jest.setTimeout(600_000);

const WIDTHS = [360, 390, 768, 1280] as const;
const ROLES: readonly (Role | null)[] = [null, 'participant', 'facilitator', 'coordinator', 'admin'];

interface Overlap {
  element: string;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Every visible focusable element, brought into view the way keyboard focus brings it (the page's
 * scroll padding applies), compared with the quick exit's box: none may lie under it.
 */
async function overlapsWithQuickExit(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    const exit = document.querySelector('header .quick-exit-button');
    if (!exit) throw new Error('no quick exit on the page');
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), [role="spinbutton"]';
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
    };
    const found: { element: string; box: { x: number; y: number; width: number; height: number } }[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('.quick-exit') || el.closest('[inert]') || !visible(el)) continue;
      // Skip links are off screen until focused: they appear at the top left, far from the exit.
      if (el.classList.contains('skip-link')) continue;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const a = el.getBoundingClientRect();
      const b = exit.getBoundingClientRect();
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      if (!apart) {
        found.push({
          element: el.outerHTML.slice(0, 160),
          box: { x: Math.round(a.x), y: Math.round(a.y), width: Math.round(a.width), height: Math.round(a.height) },
        });
      }
    }
    window.scrollTo(0, 0);
    return found;
  });
}

function titleOf(page: PageInfo): string {
  return da.app.titleFormat.replace('{{page}}', da.titles[page.title]);
}

/** The concrete pages a role can open, with real ids (a group of theirs, an entry of theirs). */
function pagesFor(role: Role | null, params: Record<string, string>): { name: PageName; url: string }[] {
  return (Object.keys(PAGES) as PageName[])
    .filter((name) => canOpen(PAGES[name], role))
    .map((name) => ({ name, url: name === 'notFound' ? '/no-such-page' : pathTo(name, params) }));
}

describe('the app shell on every page, every role and four widths', () => {
  let suite: BrowserSuite;
  let fixture: GroupFixture;
  let member: Participant;
  let admin: Client;
  let entryId: string;
  let clientId: string;
  const pages = new Map<Role | null, { context: BrowserContext; page: Page }>();

  beforeAll(async () => {
    suite = await startBrowserSuite();
    admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin);
    member = await addApprovedParticipant(suite.app, fixture, { displayName: 'Alfa' });
    await startMeetingNow(suite.app, fixture);
    const entry = await member.client.post('/me/incidents', {
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      contactType: 'sms',
      description: 'En besked',
    });
    expect(entry.status).toBe(201);
    entryId = entry.body.id as string;
    const opened = await fixture.coordinator.client.post('/clients', { reference: 'Sag 2041' });
    expect(opened.status).toBe(201);
    clientId = opened.body.id as string;
    const clients: Record<Role, Client> = {
      participant: member.client,
      facilitator: fixture.facilitator.client,
      coordinator: fixture.coordinator.client,
      admin,
    };
    for (const role of ROLES) {
      const opened = await suite.newPage();
      if (role) {
        await opened.context.addCookies([
          {
            name: SESSION_COOKIE,
            value: tokenOf(clients[role]),
            url: suite.app.url,
            httpOnly: true,
            sameSite: 'Strict',
          },
        ]);
      }
      pages.set(role, opened);
    }
  });

  afterAll(async () => {
    await suite?.close();
  });

  const params = () => ({ groupId: fixture.groupId, entryId, clientId });

  /** Opens a page and waits for its own heading (never the not-found page unless that is the page). */
  async function open(page: Page, name: PageName, url: string): Promise<void> {
    await page.goto(url);
    const heading = page.locator('main h1');
    await heading.waitFor();
    if (name !== 'notFound') expect([url, await heading.textContent()]).not.toEqual([url, da.notFound.title]);
    expect([url, await page.locator('h1').count()]).toEqual([url, 1]);
    // A coordinator's case link once came after the heading on a busy CI.
    await waitForLoaded(page);
  }

  it(`at ${WIDTHS.join(', ')}px no control lies under the quick exit, on every page each role can open`, async () => {
    const problems: { role: string; width: number; url: string; overlaps: Overlap[] }[] = [];
    let checked = 0;
    for (const role of ROLES) {
      const { page } = pages.get(role)!;
      for (const { name, url } of pagesFor(role, params())) {
        // Each page is loaded once and looked at in every width, as a phone turned or a window resized
        // would show it (loading it anew per width took four times as long and found nothing more).
        await page.setViewportSize({ width: WIDTHS[0], height: 800 });
        await open(page, name, url);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const overlaps = await overlapsWithQuickExit(page);
          if (overlaps.length > 0) problems.push({ role: role ?? 'signed out', width, url, overlaps });
        }
        checked += 1;
      }
      // The menu opened on a narrow screen: language and sign-out inside it, clear of the exit too.
      if (role) {
        for (const width of WIDTHS.filter((w) => w < 1024)) {
          await page.setViewportSize({ width, height: 800 });
          await open(page, 'home', '/');
          await page.locator('header').getByRole('button', { name: da.nav.menu, exact: true }).click();
          await page.locator('.site-menu[data-open]').waitFor();
          const overlaps = await overlapsWithQuickExit(page);
          if (overlaps.length > 0) problems.push({ role, width, url: '/ (menu open)', overlaps });
          await page.locator('.site-menu').getByRole('button', { name: da.nav.logout }).waitFor();
        }
      }
    }
    expect(problems).toEqual([]);
    // Every page of router.tsx was seen by at least one role (signed out: the public ones).
    expect(checked).toBeGreaterThanOrEqual(Object.keys(PAGES).length);
  });

  it('shows each page under its own neutral title, free of every forbidden word', async () => {
    const seen = new Map<string, string>();
    for (const role of ROLES) {
      const { page } = pages.get(role)!;
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const { name, url } of pagesFor(role, params())) {
        await open(page, name, url);
        const title = await page.title();
        expect([url, title]).toEqual([url, titleOf(PAGES[name])]);
        const lower = title.toLowerCase();
        expect([url, FORBIDDEN_TITLE_WORDS.filter((word) => lower.includes(word))]).toEqual([url, []]);
        seen.set(name, title);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(PAGES).sort());
  });

  it('every page passes axe on a phone for every role that can open it (label in name: 0 violations)', async () => {
    for (const role of ROLES) {
      const { page } = pages.get(role)!;
      await page.setViewportSize({ width: 390, height: 844 });
      for (const { name, url } of pagesFor(role, params())) {
        await open(page, name, url);
        await expectAccessible(page, (await page.locator('main h1').textContent()) ?? '');
      }
    }
  });

  it('on a page change, starts at the top with focus on the new heading', async () => {
    const { page } = pages.get('participant')!;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'home', '/');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The last link on the home page leads to another page.
    await page.locator('main').getByRole('link', { name: da.incidentLog.home.open, exact: true }).click();
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(da.incidentLog.list.pageTitle);
  });

  describe('every page at most two taps from home, on a phone', () => {
    /** A page's path pattern as a test, the most specific first (`/log/new` before `/log/:entryId`). */
    const patterns = (Object.keys(PAGES) as PageName[])
      .filter((name) => name !== 'notFound')
      .map((name) => ({
        name,
        params: (PAGES[name].path.match(/:/g) ?? []).length,
        test: new RegExp(`^${PAGES[name].path.replace(/:\w+/g, '[^/]+')}$`),
      }))
      .sort((a, b) => a.params - b.params);
    const pageOf = (url: string) => patterns.find((pattern) => pattern.test.test(url))?.name;

    /** Internal links a person can see now (not those in a closed menu). */
    async function visibleLinks(page: Page): Promise<string[]> {
      return page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
          .filter((a) => a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden')
          .map((a) => new URL(a.href))
          .filter((url) => url.origin === window.location.origin)
          .map((url) => url.pathname),
      );
    }

    it.each(['participant', 'facilitator', 'coordinator', 'admin'] as const)('for a %s', async (role) => {
      const { page } = pages.get(role)!;
      await page.setViewportSize({ width: 390, height: 844 });
      const taps = new Map<string, number>();
      const reach = (urls: string[], count: number) => {
        for (const url of urls) if (!taps.has(url) || taps.get(url)! > count) taps.set(url, count);
      };
      await open(page, 'home', '/');
      taps.set('/', 0);
      reach(await visibleLinks(page), 1);
      // The menu is one tap, its links a second.
      await page.locator('header').getByRole('button', { name: da.nav.menu, exact: true }).click();
      await page.locator('.site-menu[data-open]').waitFor();
      reach(await visibleLinks(page), 2);
      for (const [url, count] of [...taps]) {
        if (count !== 1) continue;
        const name = pageOf(url);
        if (!name) continue;
        await open(page, name, url);
        reach(await visibleLinks(page), 2);
      }
      const reached = new Map<PageName, number>();
      for (const [url, count] of taps) {
        const name = pageOf(url);
        if (name && (!reached.has(name) || reached.get(name)! > count)) reached.set(name, count);
      }
      const needed = (Object.keys(PAGES) as PageName[]).filter(
        (name) => name !== 'notFound' && canOpen(PAGES[name], role),
      );
      const far = needed.filter((name) => !reached.has(name) || reached.get(name)! > 2);
      expect({ role, far }).toEqual({ role, far: [] });
      // The role's menu is the data in navigation.ts: every entry is one of its pages.
      for (const entry of NAVIGATION[role]) expect(canOpen(PAGES[entry.page], role)).toBe(true);
    });
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
