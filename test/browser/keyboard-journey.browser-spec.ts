import type { Locator, Page } from 'playwright-core';
import da from '../../web/src/lib/i18n/da.json';
import { newClientId } from '../support/chat-fixtures';
import {
  EXIT_PAGE_HEADING,
  expectHeading,
  sessionToken,
  startBrowserSuite,
  waitForMeStatus,
  type BrowserSuite,
} from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { ask, connectChat } from '../support/sockets';
import { signInAdmin } from '../support/test-app';

// One Chromium and one app; one person's first visit, from the code to quick exit, by keyboard only.
jest.setTimeout(180_000);

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

/** Presses Tab until `target` has focus (it must be reachable in tab order), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached with the Tab key: ${target.toString()}`);
}

/** Tabs to a control and presses Enter on it. */
async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

describe("a participant's whole first visit, with the keyboard alone", () => {
  let suite: BrowserSuite;
  let fixture: GroupFixture;
  let bravo: Participant;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    const admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin, { requireFacilitator: false });
    // Someone is already in the group; a session is on now, another one is planned.
    bravo = await addApprovedParticipant(suite.app, fixture, { displayName: 'Bravo' });
    const now = suite.app.clock.nowMs();
    for (const [startsAt, title] of [
      [now - 10 * 60_000, 'I gang nu'],
      [now + 3 * 86_400_000, 'Næste møde'],
    ] as const) {
      const made = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, {
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: 90,
        title,
      });
      expect(made.status).toBe(201);
    }
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('joins with a code, answers a session, talks in the room, reports, writes and exports a note, and leaves', async () => {
    const issued = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    expect(issued.status).toBe(201);
    const code = issued.body.code as string;
    const { context, page } = await suite.newPage();
    const t = da.referralJourney;

    // Join: code, login, password, name; then the recovery codes are confirmed saved.
    await page.goto('/join');
    await expectHeading(page, t.join.title);
    await tabTo(page, page.locator('input[name="code"]'));
    await page.keyboard.type(code);
    await tabTo(page, page.locator('input[name="login"]'));
    await page.keyboard.type('tastatur.vej');
    await tabTo(page, page.locator('input[name="password"]'));
    await page.keyboard.type('tre lange ord i træk');
    await tabTo(page, page.locator('input[name="displayName"]'));
    await page.keyboard.type('Lærke');
    await page.keyboard.press('Enter');
    await expectHeading(page, t.join.codes.title);
    await tabTo(page, page.getByLabel(t.join.codes.confirmSaved));
    await page.keyboard.press('Space');
    await activate(page, page.getByRole('button', { name: t.join.codes.continue, exact: true }));
    await expectHeading(page, da.home.title);

    // The facilitator approves; the person's page is read again (the browser's own reload).
    const me = await (await context.request.get('/api/v1/auth/me')).json();
    const approved = await fixture.facilitator.client.post(
      `/groups/${fixture.groupId}/members/${me.memberships[0].memberId}/approve`,
    );
    expect(approved.status).toBe(200);
    await page.reload();
    await expectHeading(page, da.home.title);
    // Bravo writes after Lærke joined (a newcomer sees the room from their approval on).
    const socket = await connectChat(suite.app, bravo.client);
    try {
      expect(await ask(socket, 'room:join', { groupId: fixture.groupId })).toMatchObject({ ok: true });
      const sent = await ask(socket, 'message:send', {
        groupId: fixture.groupId,
        clientMessageId: newClientId(),
        body: 'Du skal ikke tro, du slipper',
      });
      expect(sent).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }

    // RSVP to the planned session.
    const agenda = page.getByRole('region', { name: da.scheduling.agenda.title });
    const planned = agenda.locator('.meeting-card').filter({ hasText: 'Næste møde' });
    await activate(page, planned.getByRole('button', { name: da.scheduling.agenda.going, exact: true }));
    await planned.getByRole('status').getByText(da.scheduling.agenda.youAreGoing).waitFor();

    // Into the room of the session that is on now, and say something.
    await activate(page, agenda.getByRole('link', { name: da.scheduling.agenda.enterRoom, exact: true }));
    await expectHeading(page, da.liveRoom.title);
    await page.getByText('Du skal ikke tro, du slipper', { exact: true }).waitFor();
    await tabTo(page, page.locator('textarea[name="body"]'));
    await page.keyboard.type('Hej, jeg er ny');
    await page.keyboard.press('Enter');
    await page.locator('.message-own .message-text').getByText('Hej, jeg er ny', { exact: true }).waitFor();

    // Report Bravo's message: its actions, "Report", a category, send, close.
    const bravoMessage = page.locator('.message-list > li').filter({ hasText: 'Du skal ikke tro, du slipper' });
    await activate(
      page,
      bravoMessage.getByRole('button', { name: fill(da.liveRoom.message.actions, { name: 'Bravo' }) }),
    );
    await activate(
      page,
      bravoMessage.getByRole('button', { name: fill(da.moderation.member.reportLabel, { name: 'Bravo' }) }),
    );
    const dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByRole('radio', { name: da.moderation.categories.harassment, exact: true }));
    await page.keyboard.press('Space');
    await activate(page, dialog.getByRole('button', { name: da.moderation.member.reportSend, exact: true }));
    await dialog.getByText(da.moderation.member.reportSent).waitFor();
    await activate(page, dialog.getByRole('button', { name: da.moderation.member.close, exact: true }));
    await dialog.waitFor({ state: 'detached' });
    const reports = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/reports`);
    expect(reports.body.items).toHaveLength(1);

    // A note in the log: from the menu, the guided form, typed in parts.
    await activate(page, page.locator('header').getByRole('link', { name: da.nav.notes, exact: true }));
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await activate(page, page.getByRole('link', { name: da.incidentLog.list.new, exact: true }));
    await expectHeading(page, da.incidentLog.form.newTitle);
    const yesterday = new Date(Date.now() - 86_400_000);
    const [day, month, year] = [yesterday.getDate(), yesterday.getMonth() + 1, yesterday.getFullYear()];
    await tabTo(
      page,
      page
        .locator('.field', { has: page.locator('input[name="date"]') })
        .getByRole('spinbutton')
        .first(),
    );
    await page.keyboard.type(`${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}`);
    await tabTo(
      page,
      page
        .locator('.field', { has: page.locator('input[name="time"]') })
        .getByRole('spinbutton')
        .first(),
    );
    await page.keyboard.type('1730');
    await tabTo(page, page.locator('select[name="contactType"]'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name="contactType"]').inputValue()).not.toBe('');
    await tabTo(page, page.locator('textarea[name="description"]'));
    await page.keyboard.type('Han stod uden for min opgang');
    await activate(page, page.getByRole('button', { name: da.incidentLog.form.save, exact: true }));
    await expectHeading(page, da.incidentLog.entry.title);
    await page.getByRole('status').filter({ hasText: da.incidentLog.notices.created }).waitFor();

    // Export it as a PDF, from the log's own pages.
    await activate(page, page.locator('header').getByRole('link', { name: da.nav.notes, exact: true }));
    await expectHeading(page, da.incidentLog.list.pageTitle);
    await activate(page, page.getByRole('link', { name: da.incidentLog.tabs.export, exact: true }));
    await expectHeading(page, da.incidentLog.export.pageTitle);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activate(page, page.getByRole('button', { name: da.incidentLog.export.pdf, exact: true })),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // And leave: Escape twice.
    const token = await sessionToken(context);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(suite.exit.url);
    await page.getByRole('heading', { level: 1, name: EXIT_PAGE_HEADING }).waitFor();
    expect(await waitForMeStatus(suite.app, token, 401)).toBe(401);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
