import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  clearSegments,
  expectAccessible,
  expectHeading,
  fillDate,
  fillTime,
  signInThroughPage,
  startBrowserSuite,
  type BrowserSuite,
  downloadedBytes,
} from '../support/browser';
import { createParticipant } from '../support/participants';
import { ADMIN, tokenOf } from '../support/test-app';

// One Chromium and one app serve the whole suite; each test drives several pages.
jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// The smallest valid PNG (1×1): the server checks a file's type by its content.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A calendar date `daysAgo` days back, in Danish time (the log's time zone). */
function danishDate(daysAgo: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - daysAgo * DAY_MS));
}

/** The PDF's text, read by a real parser (pdf.js is ESM-only: it runs in a child process). */
function pdfText(pdf: Buffer): string {
  const run = spawnSync(process.execPath, [join(__dirname, '..', 'support', 'pdf-text.mjs')], {
    input: pdf,
    maxBuffer: 32 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pdf-text failed: ${run.stderr.toString()}`);
  return (JSON.parse(run.stdout.toString()) as { text: string }).text.replace(/\s+/g, ' ');
}

const downloadBytes = downloadedBytes;

/** Presses a button and waits for the browser's download event it causes. */
async function downloadWith(page: Page, buttonName: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return download;
}

interface EntryInput {
  date: string;
  time: string;
  contactType: string;
  description: string;
  place?: string;
  thoughts?: string;
  keyExample?: boolean;
  evidence?: { description: string; keptWhere: string };
}

/** Writes an entry through the guided form (Danish page), as a person would. */
async function writeEntry(page: Page, entry: EntryInput): Promise<void> {
  await page.getByRole('link', { name: da.incidentLog.list.new, exact: true }).click();
  await expectHeading(page, da.incidentLog.form.newTitle);
  await fillDate(page, 'date', entry.date);
  await fillTime(page, 'time', entry.time);
  await page.locator('select[name="contactType"]').selectOption(entry.contactType);
  if (entry.place) await page.locator('input[name="place"]').fill(entry.place);
  await page.locator('textarea[name="description"]').fill(entry.description);
  if (entry.evidence) {
    await page.getByRole('button', { name: da.incidentLog.form.evidence.addFirst, exact: true }).click();
    await page.locator('input[name="evidence-0-description"]').fill(entry.evidence.description);
    await page.locator('input[name="evidence-0-keptWhere"]').fill(entry.evidence.keptWhere);
  }
  if (entry.thoughts) await page.locator('textarea[name="thoughts"]').fill(entry.thoughts);
  if (entry.keyExample) await page.getByRole('checkbox', { name: da.incidentLog.form.key.label }).check();
  await page.getByRole('button', { name: da.incidentLog.form.save, exact: true }).click();
  await expectHeading(page, da.incidentLog.entry.title);
  await page.getByRole('status').filter({ hasText: da.incidentLog.notices.created }).waitFor();
}

describe('incident log in the browser', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('a participant writes two entries, sees the pattern and downloads both exports', async () => {
    const participant = await createParticipant(suite.app, { locale: 'da' });
    const { page } = await suite.newPage();
    await signInThroughPage(page, participant.login, participant.password);
    await expectHeading(page, da.home.title);

    // From the home page, by the neutral name.
    await page.getByRole('link', { name: da.incidentLog.home.open, exact: true }).click();
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await page.getByText(da.incidentLog.list.empty).waitFor();

    const first = {
      date: danishDate(10),
      time: '17:30',
      contactType: 'sms',
      description: 'Han skrev: "Jeg kan se dig" ENTRYONE',
      thoughts: 'PRIVATETHOUGHT',
      keyExample: true,
      evidence: { description: 'Skærmbillede af SMS', keptWhere: 'På min telefon' },
    };
    const second = {
      date: danishDate(2),
      time: '08:15',
      contactType: 'showing-up',
      place: 'Ved skolen',
      description: 'Han stod ved bilen ENTRYTWO',
    };
    await writeEntry(page, first);

    // A file for the entry becomes bilag 1; other kinds of file get a plain refusal.
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('alert').filter({ hasText: da.incidentLog.attachments.problems.wrongType }).waitFor();
    // Named and typed like a photo, but not one: the server reads the content and refuses it.
    await fileInput.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: da.incidentLog.attachments.upload, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: da.incidentLog.attachments.problems.wrongType }).waitFor();
    await fileInput.setInputFiles({ name: 'skaermbillede.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: da.incidentLog.attachments.upload, exact: true }).click();
    await page.getByText(da.incidentLog.attachments.added.replace('{{number}}', '1')).waitFor();
    await page.getByText(da.incidentLog.attachments.bilag.replace('{{number}}', '1'), { exact: true }).waitFor();

    await page.getByRole('link', { name: da.incidentLog.back, exact: true }).click();
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await writeEntry(page, second);

    // The list: newest first, each with when it happened and when it was written.
    await page.getByRole('link', { name: da.incidentLog.back, exact: true }).click();
    await expectHeading(page, da.incidentLog.list.pageTitle);
    const items = page.locator('.log-list > li');
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain('ENTRYTWO');
    expect(await items.nth(1).innerText()).toContain('ENTRYONE');
    expect(await items.nth(1).innerText()).toContain(da.incidentLog.list.keyExample);
    for (const i of [0, 1]) expect(await items.nth(i).innerText()).toContain(da.incidentLog.list.written.split(' ')[0]);
    // The private layer is never shown in the list.
    expect(await page.locator('main').innerText()).not.toContain('PRIVATETHOUGHT');
    await page.getByText(da.incidentLog.verify.intact, { exact: true }).waitFor();

    // Filter by type of contact.
    await page.getByText(da.incidentLog.filters.title, { exact: true }).click();
    await page.locator('select[name="filterContactType"]').selectOption('sms');
    await page.waitForFunction(() => document.querySelectorAll('.log-list > li').length === 1);
    expect(await items.nth(0).innerText()).toContain('ENTRYONE');
    await page.getByRole('button', { name: da.incidentLog.filters.reset, exact: true }).click();
    await items.nth(1).waitFor();

    // The pattern view: a chart with a spoken summary, and the same numbers as a table.
    await page.getByRole('link', { name: da.incidentLog.tabs.pattern, exact: true }).click();
    await expectHeading(page, da.incidentLog.pattern.title);
    const chart = page.getByRole('img', {
      name: new RegExp(da.incidentLog.pattern.summaryTotal_other.replace('{{count}}', '2')),
    });
    await chart.waitFor();
    expect(await page.locator('.log-chart-bar:not([data-empty])').count()).toBe(2);
    await page.getByText(da.incidentLog.pattern.showTable).click();
    const weekRows = page.locator('.log-chart-table tbody tr');
    expect(await weekRows.count()).toBeGreaterThanOrEqual(2);
    const typeRows = page.getByRole('list', { name: da.incidentLog.pattern.typesTitle }).getByRole('listitem');
    expect(await typeRows.allInnerTexts()).toEqual([
      expect.stringContaining(da.incidentLog.contactTypes.sms),
      expect.stringContaining(da.incidentLog.contactTypes['showing-up']),
    ]);

    // The export: the warning first, the private layer off by default, neutral file names.
    await page.getByRole('link', { name: da.incidentLog.tabs.export, exact: true }).click();
    await expectHeading(page, da.incidentLog.export.pageTitle);
    await page.getByText(da.incidentLog.export.warning).waitFor();
    const includePrivate = page.getByRole('checkbox', { name: da.incidentLog.export.includePrivate });
    expect(await includePrivate.isChecked()).toBe(false);

    const pdfDownload = await downloadWith(page, da.incidentLog.export.pdf);
    expect(pdfDownload.suggestedFilename()).toMatch(/^log-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await downloadBytes(pdfDownload);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(pdf);
    expect(text).toContain('ENTRYONE');
    expect(text).toContain('ENTRYTWO');
    expect(text.indexOf('ENTRYTWO')).toBeLessThan(text.lastIndexOf('ENTRYONE'));
    expect(text).not.toContain('PRIVATETHOUGHT');

    const csvDownload = await downloadWith(page, da.incidentLog.export.csv);
    expect(csvDownload.suggestedFilename()).toMatch(/^log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await downloadBytes(csvDownload);
    expect(csv.subarray(0, 3).equals(BOM)).toBe(true);
    const csvText = csv.toString('utf8');
    expect(csvText).toContain('ENTRYONE');
    expect(csvText).toContain('ENTRYTWO');
    expect(csvText).not.toContain('PRIVATETHOUGHT');
    await page.getByRole('status').filter({ hasText: csvDownload.suggestedFilename() }).waitFor();

    // Only when the person ticks the box does the private layer go with it.
    await includePrivate.check();
    await page.getByText(da.incidentLog.export.privateIncluded).waitFor();
    const withPrivate = await downloadBytes(await downloadWith(page, da.incidentLog.export.csv));
    expect(withPrivate.toString('utf8')).toContain('PRIVATETHOUGHT');
  });

  it('edits an entry as a new version and deletes one, and the check stays intact', async () => {
    const participant = await createParticipant(suite.app, { locale: 'da' });
    const created = await participant.client.post('/me/incidents', {
      occurredAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
      contactType: 'call',
      description: 'Ukendt nummer ringede ENTRYEDIT',
    });
    expect(created.status).toBe(201);
    const { context, page } = await suite.newPage();
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: tokenOf(participant.client),
        url: suite.app.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    await page.goto(`/log/${created.body.id as string}`);
    await expectHeading(page, da.incidentLog.entry.title);

    await page.getByRole('link', { name: da.incidentLog.entry.edit, exact: true }).click();
    await expectHeading(page, da.incidentLog.edit.title);
    // Says before saving that the change becomes a new version and the old one is kept.
    await page.getByText(da.incidentLog.edit.versionNote.replace('{{version}}', '2')).waitFor();
    await page.locator('input[name="place"]').fill('Hjemme');
    await page.getByRole('button', { name: da.incidentLog.edit.save, exact: true }).click();
    await expectHeading(page, da.incidentLog.entry.title);
    await page.getByText(da.incidentLog.notices.edited.replace('{{version}}', '2')).waitFor();
    await page.getByText('Hjemme', { exact: true }).waitFor();
    const stored = await participant.client.get(`/me/incidents/${created.body.id as string}`);
    expect({ version: stored.body.version, place: stored.body.place }).toEqual({ version: 2, place: 'Hjemme' });

    await page.getByRole('button', { name: da.incidentLog.delete.button, exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(da.incidentLog.delete.text).waitFor();
    await dialog.getByRole('button', { name: da.incidentLog.delete.confirm, exact: true }).click();
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await page.getByText(da.incidentLog.notices.deleted).waitFor();
    await page.getByText(da.incidentLog.list.empty).waitFor();
    await page.getByText(da.incidentLog.verify.intact, { exact: true }).waitFor();
    expect((await participant.client.get(`/me/incidents/${created.body.id as string}`)).status).toBe(404);
    expect((await participant.client.get('/me/incidents/verify')).body).toMatchObject({ intact: true, versions: 3 });
  });

  it.each([
    { name: 'Danish', text: da, locale: 'da' as const },
    { name: 'English', text: en, locale: 'en' as const },
  ])('every log page passes axe in $name', async ({ text, locale }) => {
    const participant = await createParticipant(suite.app, { locale });
    const created = await participant.client.post('/me/incidents', {
      occurredAt: new Date(Date.now() - 5 * DAY_MS).toISOString(),
      occurredAtApprox: true,
      contactType: 'threat',
      description: 'Axe entry',
      place: 'Hjemme',
      witnesses: 'Naboen',
      childrenPresent: false,
      evidence: [{ description: 'Brev', keptWhere: 'I en skuffe' }],
      police: { journalNumber: '3700-1', officer: 'Hansen', date: danishDate(4) },
      effect: 'Bange',
      private: { thoughts: 'Tanker', safetyNotes: 'Noter' },
      keyExample: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const png = await participant.client.agent
      .post(`/api/v1/me/incidents/${id}/attachments`)
      .set('X-Tryg-Csrf', '1')
      .attach('file', PNG, 'shot.png');
    expect(png.status).toBe(201);

    const { context, page } = await suite.newPage({ locale: locale === 'en' ? 'en-GB' : 'da-DK' });
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: tokenOf(participant.client),
        url: suite.app.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);

    await page.goto('/');
    await expectAccessible(page, text.home.title);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await page.getByRole('link', { name: text.nav.notes, exact: true }).click();
    await expectAccessible(page, text.incidentLog.list.pageTitle);
    // With the filters open and a range that cannot match.
    await page.getByText(text.incidentLog.filters.title, { exact: true }).click();
    await fillDate(page, 'filterFrom', danishDate(1));
    await fillDate(page, 'filterTo', danishDate(3));
    await page.getByText(text.incidentLog.filters.rangeInvalid).waitFor();
    await expectAccessible(page, text.incidentLog.list.pageTitle);

    await page.goto('/log/new');
    await expectAccessible(page, text.incidentLog.form.newTitle);
    // The form with its messages showing.
    await clearSegments(page, 'date');
    await page.getByRole('button', { name: text.incidentLog.form.save, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: text.incidentLog.form.errors.summary }).waitFor();
    await expectAccessible(page, text.incidentLog.form.newTitle);

    await page.goto(`/log/${id}`);
    await expectAccessible(page, text.incidentLog.entry.title);
    await page.getByText(text.incidentLog.entry.technical).click();
    await expectAccessible(page, text.incidentLog.entry.title);

    await page.goto(`/log/${id}/edit`);
    await expectAccessible(page, text.incidentLog.edit.title);

    await page.goto('/log/pattern');
    await page.getByRole('img').first().waitFor();
    await page.getByText(text.incidentLog.pattern.showTable).click();
    await expectAccessible(page, text.incidentLog.pattern.title);

    await page.goto('/log/export');
    await page.getByRole('checkbox', { name: text.incidentLog.export.includePrivate }).check();
    await expectAccessible(page, text.incidentLog.export.pageTitle);
  });

  it('keeps staff out of the log pages and out of the menu', async () => {
    const { page } = await suite.newPage();
    await signInThroughPage(page, ADMIN.login, ADMIN.password);
    await expectHeading(page, da.home.title);
    expect(await page.getByRole('link', { name: da.nav.notes, exact: true }).count()).toBe(0);
    await page.goto('/log');
    await expectHeading(page, da.home.title);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('pattern view and list look right in dark mode on a small screen, with reduced motion', async () => {
    const participant = await createParticipant(suite.app, { locale: 'da' });
    for (const daysAgo of [20, 13, 12, 2]) {
      const res = await participant.client.post('/me/incidents', {
        occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
        contactType: daysAgo > 12 ? 'call' : 'following',
        description: `Dark ${daysAgo}`,
      });
      expect(res.status).toBe(201);
    }
    const { context, page } = await suite.newPage({
      colorScheme: 'dark',
      reducedMotion: 'reduce',
      viewport: { width: 360, height: 740 },
    });
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: tokenOf(participant.client),
        url: suite.app.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    await page.goto('/log');
    await expectAccessible(page, da.incidentLog.list.pageTitle);
    await page.goto('/log/pattern');
    await page.getByRole('img').first().waitFor();
    await expectAccessible(page, da.incidentLog.pattern.title);
    // Reduced motion: the bars do not animate.
    const transition = await page
      .locator('.log-chart-bar:not([data-empty])')
      .first()
      .evaluate((bar) => getComputedStyle(bar).transitionDuration);
    expect(transition).toBe('0s');
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
