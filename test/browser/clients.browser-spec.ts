import type { Page } from 'playwright-core';
import { addCalendarDays, SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  downloadedBytes,
  expectAccessible,
  expectHeading,
  fillTemplate,
  pageWithSession,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { createCoordinator, openCase, type Coordinator } from '../support/client-fixtures';
import { parsePdf } from '../support/pdf';
import { type Client, signIn, signInAdmin, tokenOf } from '../support/test-app';

// One Chromium and one app serve the suite; the test walks one coordinator through several pages.
jest.setTimeout(120_000);

/** `YYYY-MM-DD` on the Copenhagen calendar (case work's dates). */
function copenhagenDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

describe('My clients in the browser (issue 17)', () => {
  let suite: BrowserSuite;
  // Each test signs the admin in again: the first moves the clock a month, past the idle timeout.
  let admin: Client;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });
  beforeEach(async () => {
    admin = await signInAdmin(suite.app);
  });
  afterAll(async () => {
    await suite?.close();
  });

  /** The references of the listed cases, top to bottom. */
  async function listedReferences(page: Page): Promise<string[]> {
    const list = page.getByRole('list', { name: da.clients.list.title, exact: true });
    await list.waitFor();
    return list.locator('.case-card .item-title').allInnerTexts();
  }

  it('a coordinator opens a case, adds a police task and a screening, exports the plan, and sees the case rise when its re-screen falls due', async () => {
    const t = da.clients;
    const coordinator: Coordinator = await createCoordinator(suite.app, admin, 'Browser Birthe');
    const today = copenhagenDate(new Date(suite.app.clock.nowMs()));
    // On the calendar, as the app counts (24-hour steps would miss a day across a daylight-saving change).
    const inDays = (days: number) => addCalendarDays(today, days);
    // Another case whose review comes sooner than anything on the new case.
    await openCase(coordinator, { reference: 'Tidligere sag 1', nextReviewOn: inDays(10) });
    await openCase(coordinator, { reference: 'Rolig sag 2' });

    const { page, context } = await pageWithSession(suite, coordinator.client);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: da.app.mainNav })
      .getByRole('link', { name: t.nav, exact: true })
      .click();
    await expectAccessible(page, t.title);

    // Open the case.
    const reference = 'Browser-sag 2027-77';
    await page.getByLabel(t.open.reference).fill(reference);
    await page.getByRole('button', { name: t.open.submit, exact: true }).click();
    await expectHeading(page, reference);
    expect(new URL(page.url()).pathname).toMatch(/^\/clients\/[0-9a-f-]{36}$/);

    // A task for the police contact person.
    const addTask = page.getByRole('region', { name: t.plan.add, exact: true });
    await addTask.getByLabel(t.plan.taskTitle, { exact: true }).fill('Aftal møde med politiets kontaktperson');
    await addTask.getByLabel(t.plan.owner, { exact: true }).selectOption({ label: t.plan.owners.police });
    await addTask.getByLabel(`${t.plan.ownerName} (${da.form.optional})`).fill('Kontaktperson, lokalpolitiet');
    await addTask.getByLabel(`${t.plan.dueOn} (${da.form.optional})`).fill(inDays(60));
    await addTask.getByRole('button', { name: t.plan.add, exact: true }).click();
    const plan = page.getByRole('list', { name: t.plan.title, exact: true });
    await plan.getByText('Aftal møde med politiets kontaktperson', { exact: true }).waitFor();
    await plan
      .getByText(
        fillTemplate(t.plan.ownerWithName, { owner: t.plan.owners.police, name: 'Kontaktperson, lokalpolitiet' }),
      )
      .waitFor();

    // A screening by item numbers: high risk, so the re-screen date defaults to 30 days.
    const screening = page.getByRole('region', { name: t.screening.formTitle, exact: true });
    await screening
      .getByRole('link', { name: fillTemplate(t.screening.officialForm, { instrument: 'S-DASH' }) })
      .waitFor();
    await screening
      .getByRole('group', { name: fillTemplate(t.screening.item, { number: 1 }), exact: true })
      .getByLabel(t.screening.answers.yes)
      .check();
    await screening
      .getByRole('group', { name: fillTemplate(t.screening.item, { number: 5 }), exact: true })
      .getByLabel(t.screening.answers.no)
      .check();
    await screening.getByLabel(t.screening.riskLevel, { exact: true }).selectOption({ label: t.screening.risk.high });
    await screening.getByRole('button', { name: t.screening.add, exact: true }).click();
    const history = page.getByRole('list', { name: t.screening.history, exact: true });
    await history.getByText(fillTemplate(t.screening.answersSummary, { yes: 1, no: 1, unknown: 9 })).waitFor();
    const rescreenOn = inDays(30);
    const rescreenWords = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', dateStyle: 'long' }).format(
      new Date(`${rescreenOn}T00:00:00Z`),
    );
    await history.getByText(fillTemplate(t.screening.rescreenBy, { date: rescreenWords })).waitFor();
    await expectAccessible(page, reference);

    // The plan for the joint meeting: a neutral file with the task and the reference.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.files.plan, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plan-${today}.pdf`);
    const pdf = parsePdf(await downloadedBytes(download));
    expect(pdf.pages[0]).toContain(reference);
    expect(pdf.text).toContain('Aftal møde med politiets kontaktperson');
    expect(pdf.text).toContain('høj risiko');

    // Nothing is due yet: the case with the sooner review date comes first.
    await page.getByRole('link', { name: t.case.back, exact: true }).click();
    await expectHeading(page, t.title);
    expect(await listedReferences(page)).toEqual(['Tidligere sag 1', reference, 'Rolig sag 2']);

    // A month later the re-screen falls due (the review of the other case too, but a screening weighs more).
    suite.app.clock.set(new Date(`${rescreenOn}T08:00:00.000Z`));
    const again = await signIn(suite.app, coordinator.login, coordinator.password);
    await context.clearCookies();
    await context.addCookies([
      { name: SESSION_COOKIE, value: tokenOf(again), url: suite.app.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    await page.goto('/clients');
    await expectHeading(page, t.title);
    expect(await listedReferences(page)).toEqual([reference, 'Tidligere sag 1', 'Rolig sag 2']);
    const top = page.locator('.case-card').first();
    await top.getByText(t.attention.rescreen, { exact: true }).waitFor();
    await expectAccessible(page, t.title);
    suite.app.clock.reset();
  });

  it('reads well in English too, with no serious accessibility problem on the list or the case', async () => {
    const coordinator = await createCoordinator(suite.app, admin, 'English Ella');
    expect((await coordinator.client.patch('/auth/me', { locale: 'en' })).status).toBe(200);
    const opened = await openCase(coordinator, { reference: 'English case 5' });
    await coordinator.client.post(`/clients/${opened.id}/tasks`, {
      title: 'Call the contact person',
      owner: 'police',
      dueOn: '2020-01-01',
    });
    const { page } = await pageWithSession(suite, coordinator.client, { locale: 'en-GB' });
    await page.goto('/clients');
    await expectAccessible(page, en.clients.title);
    await page.locator('.case-card').first().getByText(en.clients.attention.overdue_one, { exact: true }).waitFor();
    await page.getByRole('link', { name: 'English case 5', exact: true }).click();
    await expectHeading(page, 'English case 5');
    await page.getByText(en.clients.plan.overdue, { exact: true }).waitFor();
    await expectAccessible(page, 'English case 5');
  });

  it('shows other staff no way in: the page is "not found" for an admin', async () => {
    const owner = await createCoordinator(suite.app, admin, 'Owner Otto');
    const opened = await openCase(owner, { reference: 'Ikke din sag' });
    const { page } = await pageWithSession(suite, admin);
    await page.goto(`/clients/${opened.id}`);
    await expectHeading(page, da.notFound.title);
    expect(await page.content()).not.toContain('Ikke din sag');
    expect(await page.getByRole('link', { name: da.clients.nav }).count()).toBe(0);
  });
});
