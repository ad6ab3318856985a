import type { Page } from 'playwright-core';
import { SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import { startMeetingNow } from '../support/chat-fixtures';
import {
  expectAccessible,
  expectHeading,
  fillDate,
  meStatus,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { addApprovedParticipant, createGroupFixture, referNewParticipant, type GroupFixture } from '../support/groups';
import { ask, connectChat } from '../support/sockets';
import { type Client, createStaff, signInAdmin, tokenOf } from '../support/test-app';

// One Chromium and one app: the admin's, coordinator's and facilitator's working pages.
jest.setTimeout(180_000);

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

describe("staff pages: the admin's staff and history, the coordinator's referrals, the facilitator's attendance", () => {
  let suite: BrowserSuite;
  let admin: Client;
  let fixture: GroupFixture;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin, { requireFacilitator: false });
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function pageAs(client: Client): Promise<Page> {
    const { context, page } = await suite.newPage();
    await context.addCookies([
      { name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    return page;
  }

  it('the admin turns a staff account off (signed out at once) and on again, and reads it in the history in words', async () => {
    const kim = await createStaff(suite.app, admin, 'coordinator', 'kim.k', undefined, 'Kim');
    const page = await pageAs(admin);
    await page.goto('/admin/staff');
    await expectHeading(page, da.staff.title);
    const row = page.getByRole('row').filter({ hasText: 'kim.k' });
    await row
      .getByRole('button', { name: fill(da.staff.actionFor, { action: da.staff.disable, name: 'Kim' }) })
      .click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(da.staff.disableWhat).waitFor();
    await dialog.getByRole('button', { name: da.staff.disable, exact: true }).click();
    await page.getByRole('status').getByText(da.staff.done.disabled).waitFor();
    await row.getByText(da.staff.disabled, { exact: true }).waitFor();
    expect(await meStatus(suite.app, tokenOf(kim.client))).toBe(401);
    // The admin's own account has no such button.
    await page.getByRole('row').filter({ hasText: da.staff.you }).waitFor();
    await expectAccessible(page, da.staff.title);

    await row.getByRole('button', { name: fill(da.staff.actionFor, { action: da.staff.enable, name: 'Kim' }) }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: da.staff.enable, exact: true }).click();
    await page.getByRole('status').getByText(da.staff.done.enabled).waitFor();
    await row.getByText(da.staff.active, { exact: true }).waitFor();

    // The history says it in words: no raw key, no id; the filter narrows it to one kind.
    await page.goto('/admin/audit');
    await expectHeading(page, da.audit.title);
    await page.locator('select[name="type"]').selectOption('staff.disabled');
    const items = page.locator('.audit-list > li');
    await items.first().getByText(da.audit.types.staffDisabled).waitFor();
    expect(await items.count()).toBe(1);
    const item = await items.first().innerText();
    expect(item).toContain('Kim (kim.k)');
    expect(item).not.toMatch(/staff\.disabled|[0-9a-f]{8}-[0-9a-f]{4}/);
    // A day range with nothing in it.
    await fillDate(page, 'from', '2001-01-01');
    await fillDate(page, 'to', '2001-01-02');
    await page.getByText(da.audit.empty).waitFor();
    await expectAccessible(page, da.audit.title);
    await page.getByRole('button', { name: da.audit.filterClear }).click();
    await items.nth(1).waitFor();
  });

  it('the coordinator tells referrals apart by their reference or date, and filters by status and group', async () => {
    const other = await admin.post('/groups', { name: 'Mandagsgruppen', capacity: 8 });
    expect(other.status).toBe(201);
    await admin.post(`/groups/${other.body.id}/facilitators`, { accountId: fixture.facilitator.id });
    const coordinator = fixture.coordinator.client;
    const first = await coordinator.post('/referrals', { groupId: fixture.groupId, clientReference: 'Sag 42' });
    const second = await coordinator.post('/referrals', { groupId: other.body.id });
    expect([first.status, second.status]).toEqual([201, 201]);
    await referNewParticipant(suite.app, fixture, { clientReference: 'Sag 43' });
    const page = await pageAs(coordinator);
    await page.goto('/referrals');
    await expectHeading(page, da.referralJourney.referrals.title);
    const titles = page.locator('.item-list > li .item-title');
    await titles.getByText('Sag 42', { exact: true }).waitFor();
    // Without a reference, the referral is named by when it was made.
    await titles
      .getByText(new RegExp(`^${da.referralJourney.referrals.list.untitled.replace('{{date}}', '')}`))
      .waitFor();

    const filters = page.getByRole('search', { name: da.referralJourney.referrals.filters.title });
    await filters.locator('select[name="status"]').selectOption('redeemed');
    await page.getByText(fill(da.referralJourney.referrals.filters.shown_other, { shown: 1, count: 3 })).waitFor();
    expect(await titles.allTextContents()).toEqual(['Sag 43']);
    await filters.locator('select[name="status"]').selectOption('');
    await filters.locator('select[name="groupId"]').selectOption({ label: 'Mandagsgruppen' });
    await page.getByText(fill(da.referralJourney.referrals.filters.shown_other, { shown: 1, count: 3 })).waitFor();
    expect(await titles.count()).toBe(1);
    await expectAccessible(page, da.referralJourney.referrals.title);
  });

  it('the facilitator sees who is in the room during the meeting on the attendance page', async () => {
    const here = await addApprovedParticipant(suite.app, fixture, { displayName: 'Ulla' });
    await addApprovedParticipant(suite.app, fixture, { displayName: 'Vera' });
    await startMeetingNow(suite.app, fixture);
    const socket = await connectChat(suite.app, here.client);
    try {
      expect(await ask(socket, 'room:join', { groupId: fixture.groupId })).toMatchObject({ ok: true });
      const page = await pageAs(fixture.facilitator.client);
      await page.goto(`/groups/${fixture.groupId}/attendance`);
      await expectHeading(page, da.scheduling.attendance.title);
      const marks = page.getByRole('region', { name: da.scheduling.attendance.markTitle });
      await marks.locator('.attendance-now').waitFor();
      const ulla = marks.getByRole('group', { name: fill(da.scheduling.attendance.markLabel, { name: 'Ulla' }) });
      const vera = marks.getByRole('group', { name: fill(da.scheduling.attendance.markLabel, { name: 'Vera' }) });
      await page.waitForFunction(
        () => (document.querySelectorAll('.attendance-marks input:checked') as NodeListOf<HTMLInputElement>).length > 0,
      );
      expect(await ulla.getByRole('radio', { name: da.scheduling.attendance.present, exact: true }).isChecked()).toBe(
        true,
      );
      expect(await vera.getByRole('radio', { name: da.scheduling.attendance.present, exact: true }).isChecked()).toBe(
        false,
      );
      await marks.getByText(da.scheduling.attendance.seenInRoom).waitFor();
      await expectAccessible(page, da.scheduling.attendance.title);
    } finally {
      socket.close();
    }
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
