import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { type Meeting, SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  AXE_TAGS,
  expectAccessible,
  expectHeading,
  fillDate,
  fillTime,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { type Client, signInAdmin, tokenOf } from '../support/test-app';

const LANGUAGES = [
  { name: 'Danish', locale: 'da', browserLocale: 'da-DK', text: da },
  { name: 'English', locale: 'en', browserLocale: 'en-GB', text: en },
] as const;

const CPH = 'Europe/Copenhagen';
const DAY_MS = 24 * 3600 * 1000;

// One Chromium and one app serve the whole suite; each test drives several pages.
jest.setTimeout(90_000);

/** `YYYY-MM-DD` and `HH:mm` of an instant on the Copenhagen wall clock (what the editor speaks). */
function copenhagen(instant: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: CPH,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * Axe over a page with a modal dialog open. The modal hides the page from assistive technology,
 * so its own <h1> is asserted by element rather than by role before the same scan as expectAccessible.
 */
async function expectAccessibleWithDialog(page: Page, heading: string): Promise<void> {
  expect(await page.locator('h1').allTextContents()).toEqual([heading]);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.html.slice(0, 200)) }));
  expect({ heading, serious }).toEqual({ heading, serious: [] });
  expect(results.passes.length).toBeGreaterThan(0);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(values[key]));
}

describe('scheduling in the browser: agenda, RSVP and waitlist, calendar link, schedule editor, attendance, bell', () => {
  let suite: BrowserSuite;
  let fixture: GroupFixture;
  let groupName: string;
  let first: Participant;
  let waiting: Participant;
  let fullMeeting: Meeting;

  async function pageAs(client: Client, locale: 'da' | 'en'): Promise<Page> {
    // The account's saved language wins after sign-in, so set it where the test wants it.
    const saved = await client.patch('/auth/me', { locale });
    expect(saved.status).toBe(200);
    const { context, page } = await suite.newPage({ locale: locale === 'da' ? 'da-DK' : 'en-GB' });
    await context.addCookies([{ name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url }]);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url });
    return page;
  }

  async function meetingsAs(client: Client): Promise<Meeting[]> {
    const res = await client.get(`/groups/${fixture.groupId}/meetings`);
    expect(res.status).toBe(200);
    return res.body.items as Meeting[];
  }

  beforeAll(async () => {
    suite = await startBrowserSuite();
    const admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin);
    groupName = ((await admin.get(`/groups/${fixture.groupId}`)).body as { name: string }).name;
    first = await addApprovedParticipant(suite.app, fixture, { displayName: 'Birgitte' });
    waiting = await addApprovedParticipant(suite.app, fixture, { displayName: 'Lone' });

    // A session in three days with one place, which another member has already taken.
    const startsAt = new Date(Math.ceil((Date.now() + 3 * DAY_MS) / 60_000) * 60_000).toISOString();
    const created = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, {
      startsAt,
      durationMinutes: 90,
      capacity: 1,
    });
    expect(created.status).toBe(201);
    fullMeeting = created.body as Meeting;
    const taken = await first.client.put(`/meetings/${fullMeeting.id}/rsvp`, { response: 'yes' });
    expect(taken.body).toEqual({ status: 'going', waitlistPosition: null });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('a member answers "I am coming" to a full session and sees their place on the waiting list', async () => {
    const page = await pageAs(waiting.client, 'da');
    await page.goto('/');
    await expectHeading(page, da.home.title);
    const agenda = page.getByRole('region', { name: da.scheduling.agenda.title });
    await agenda.getByText(da.scheduling.agenda.full_one).waitFor();
    // In the member's own time, the Danish way: "torsdag 24. marts kl. 18.00".
    const heading = agenda.getByRole('heading', { level: 3 }).first();
    expect(await heading.textContent()).toMatch(
      /^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. [a-zæøå]+ kl\. \d{2}\.\d{2}/,
    );

    await agenda.getByRole('button', { name: da.scheduling.agenda.joinWaitlist, exact: true }).click();
    await agenda
      .getByRole('status')
      .filter({ hasText: fill(da.scheduling.agenda.waitlistPosition, { position: 1 }) })
      .waitFor();
    // The buttons say so too: on the waiting list (no. 1), and the way off it.
    const onList = agenda.getByRole('button', {
      name: fill(da.scheduling.agenda.onWaitlist, { position: 1 }),
      exact: true,
    });
    expect(await onList.getAttribute('aria-pressed')).toBe('true');
    await agenda.getByRole('button', { name: da.scheduling.agenda.leaveWaitlist, exact: true }).waitFor();
    expect(await agenda.getByRole('button', { name: da.scheduling.agenda.going, exact: true }).count()).toBe(0);
    // The server agrees: waitlisted, first in line.
    const mine = (await meetingsAs(waiting.client)).find((m) => m.id === fullMeeting.id);
    expect([mine?.myRsvp, mine?.waitlistPosition]).toEqual(['yes', 1]);

    // The other member gives up the place: the waiting one is promoted and told, in the bell.
    expect((await first.client.put(`/meetings/${fullMeeting.id}/rsvp`, { response: 'no' })).status).toBe(200);
    await page.reload();
    await expectHeading(page, da.home.title);
    await agenda.getByRole('status').filter({ hasText: da.scheduling.agenda.youAreGoing }).waitFor();
    // Promoted and told: one more unread notification (intake approval was the first).
    const notes = (await waiting.client.get('/me/notifications')).body as {
      unread: number;
      items: { kind: string; text: string }[];
    };
    const promoted = notes.items.find((n) => n.kind === 'waitlist-promoted');
    expect(promoted).toBeDefined();
    const bellName = fill(
      notes.unread === 1 ? da.scheduling.notifications.bellUnread_one : da.scheduling.notifications.bellUnread_other,
      { count: notes.unread },
    );
    const bell = page.getByRole('button', { name: bellName, exact: true });
    await bell.click();
    const panel = page.getByRole('region', { name: da.scheduling.notifications.title });
    await panel.getByText(promoted!.text).waitFor();
    // Neutral text: never the group's name (the member did not opt in).
    expect(await panel.textContent()).not.toContain(groupName);
    await expectAccessible(page, da.home.title);
    await panel.getByRole('button', { name: da.scheduling.notifications.markAll, exact: true }).click();
    await page.getByRole('button', { name: da.scheduling.notifications.bell, exact: true }).waitFor();
    const unread = await waiting.client.get('/me/notifications');
    expect(unread.body.unread).toBe(0);
  });

  it('a member makes a calendar link, copies it and stops it; the feed is neutral and then gone', async () => {
    const page = await pageAs(waiting.client, 'da');
    await page.goto('/account');
    await expectHeading(page, da.account.title);
    const panel = page.getByRole('region', { name: da.scheduling.calendar.title });
    await panel.getByRole('button', { name: da.scheduling.calendar.create, exact: true }).click();
    const input = panel.getByLabel(da.scheduling.calendar.urlLabel, { exact: true });
    await input.waitFor();
    const url = await input.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await expectAccessible(page, da.account.title);
    await panel.getByRole('button', { name: da.scheduling.calendar.copy, exact: true }).click();
    await panel.getByRole('status').filter({ hasText: da.scheduling.calendar.copied }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const feed = await fetch(url);
    const ics = await feed.text();
    expect([feed.status, ics.includes('BEGIN:VCALENDAR'), ics.includes('Aftale'), ics.includes(groupName)]).toEqual([
      200,
      true,
      true,
      false,
    ]);

    await panel.getByRole('button', { name: da.scheduling.calendar.hide, exact: true }).click();
    await panel.getByRole('button', { name: da.scheduling.calendar.revoke, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: da.scheduling.calendar.revokeConfirm }).click();
    await panel.getByText(da.scheduling.calendar.revoked).waitFor();
    expect((await fetch(url)).status).toBe(404);
  });

  it('a facilitator creates a weekly series through the page, at 18.00 on the group wall clock', async () => {
    const page = await pageAs(fixture.facilitator.client, 'da');
    await page.goto('/');
    await expectHeading(page, da.home.title);
    await page
      .getByRole('link', { name: fill(da.home.inGroup, { link: da.home.groupPages.schedule, group: groupName }) })
      .click();
    await expectHeading(page, da.scheduling.schedule.title);

    const startsOn = copenhagen(new Date(Date.now() + 10 * DAY_MS)).date;
    const form = page.getByRole('region', { name: da.scheduling.schedule.series.title });
    await fillDate(form, 'startsOn', startsOn);
    await fillTime(form, 'time', '18:00');
    await form.getByLabel(da.scheduling.schedule.fields.duration, { exact: true }).fill('90');
    await form.getByRole('radio', { name: da.scheduling.schedule.series.weekly, exact: true }).check();
    await form.getByLabel(da.scheduling.schedule.series.count, { exact: true }).fill('4');
    await form
      .getByLabel(fill(da.scheduling.schedule.optional, { label: da.scheduling.schedule.fields.title }), {
        exact: true,
      })
      .fill('Aftengruppe');
    await form.getByRole('button', { name: da.scheduling.schedule.series.submit, exact: true }).click();
    await form.getByText(fill(da.scheduling.schedule.series.created_other, { count: 4 })).waitFor();

    // What the server stored: four weekly meetings of one series, each at 18:00 in Copenhagen.
    const series = (await meetingsAs(fixture.facilitator.client)).filter((m) => m.title === 'Aftengruppe');
    expect(series).toHaveLength(4);
    expect(new Set(series.map((m) => m.scheduleId)).size).toBe(1);
    expect(series[0].scheduleId).not.toBeNull();
    expect(series.map((m) => copenhagen(new Date(m.startsAt)).time)).toEqual(['18:00', '18:00', '18:00', '18:00']);
    expect(copenhagen(new Date(series[0].startsAt)).date).toBe(startsOn);
    expect(
      series.slice(1).map((m, i) => Math.round((Date.parse(m.startsAt) - Date.parse(series[i].startsAt)) / DAY_MS)),
    ).toEqual([7, 7, 7]);

    // The list shows them; cancelling one asks "only this one, or the rest of the series?".
    const upcoming = page.getByRole('region', { name: da.scheduling.schedule.upcoming.title });
    await upcoming.getByText('Aftengruppe').first().waitFor();
    await upcoming
      .getByRole('listitem')
      .filter({ hasText: 'Aftengruppe' })
      .nth(1)
      .getByRole('button', { name: new RegExp(`^${fill(da.scheduling.schedule.upcoming.cancelLabel, { time: '' })}`) })
      .click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('group', { name: da.scheduling.schedule.scope.legend }).waitFor();
    expect(await dialog.getByRole('radio', { name: da.scheduling.schedule.scope.this, exact: true }).isChecked()).toBe(
      true,
    );
    await expectAccessibleWithDialog(page, da.scheduling.schedule.title);
    await dialog.getByRole('button', { name: da.scheduling.schedule.cancelDialog.confirm, exact: true }).click();
    await upcoming.getByRole('status').filter({ hasText: da.scheduling.schedule.done.cancelled }).waitFor();
    const after = (await meetingsAs(fixture.facilitator.client)).filter((m) => m.title === 'Aftengruppe');
    expect(after.map((m) => m.cancelled)).toEqual([false, true, false, false]);
  });

  it('a facilitator records attendance for a session in progress; members cannot open the page', async () => {
    const started = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, {
      startsAt: new Date(Math.floor((Date.now() - 20 * 60_000) / 60_000) * 60_000).toISOString(),
      durationMinutes: 90,
    });
    expect(started.status).toBe(201);
    const page = await pageAs(fixture.facilitator.client, 'da');
    await page.goto(`/groups/${fixture.groupId}/attendance`);
    await expectHeading(page, da.scheduling.attendance.title);
    const marks = page.getByRole('region', { name: da.scheduling.attendance.markTitle });
    const lone = marks.getByRole('group', { name: fill(da.scheduling.attendance.markLabel, { name: 'Lone' }) });
    await lone.getByRole('radio', { name: da.scheduling.attendance.present, exact: true }).check();
    await marks.getByRole('status').filter({ hasText: da.scheduling.attendance.saved }).waitFor();
    await expectAccessible(page, da.scheduling.attendance.title);

    // A member of the group gets no attendance page.
    const member = await pageAs(waiting.client, 'da');
    await member.goto(`/groups/${fixture.groupId}/attendance`);
    await expectHeading(member, da.notFound.title);
    expect((await waiting.client.get(`/groups/${fixture.groupId}/attendance`)).status).toBe(403);
  });

  it.each(LANGUAGES)('axe finds nothing serious on the new pages in $name', async ({ locale, text }) => {
    const member = await pageAs(waiting.client, locale);
    await member.goto('/');
    await expectAccessible(member, text.home.title);
    await member.goto('/meetings');
    await expectAccessible(member, text.scheduling.agenda.pageTitle);
    await member.getByRole('heading', { level: 3 }).first().waitFor();
    await expectAccessible(member, text.scheduling.agenda.pageTitle);
    await member.getByRole('button', { name: new RegExp(`^${text.scheduling.notifications.bell}`) }).click();
    await member.getByRole('region', { name: text.scheduling.notifications.title }).waitFor();
    await expectAccessible(member, text.scheduling.agenda.pageTitle);
    await member.goto('/account');
    await member.getByRole('region', { name: text.scheduling.calendar.title }).waitFor();
    await expectAccessible(member, text.account.title);

    const facilitator = await pageAs(fixture.facilitator.client, locale);
    await facilitator.goto('/');
    await facilitator
      .getByRole('link', { name: fill(text.home.inGroup, { link: text.home.groupPages.schedule, group: groupName }) })
      .waitFor();
    await expectAccessible(facilitator, text.home.title);
    await facilitator.goto(`/groups/${fixture.groupId}/schedule`);
    await facilitator
      .getByRole('region', { name: text.scheduling.schedule.upcoming.title })
      .getByRole('listitem')
      .first()
      .waitFor();
    await expectAccessible(facilitator, text.scheduling.schedule.title);
    // The move dialog for a meeting of the series, with its scope choice.
    await facilitator
      .getByRole('button', { name: new RegExp(`^${fill(text.scheduling.schedule.upcoming.moveLabel, { time: '' })}`) })
      .last()
      .click();
    await facilitator.getByRole('dialog').getByRole('group', { name: text.scheduling.schedule.scope.legend }).waitFor();
    await expectAccessibleWithDialog(facilitator, text.scheduling.schedule.title);
    await facilitator.keyboard.press('Escape');
    await facilitator.goto(`/groups/${fixture.groupId}/attendance`);
    await facilitator.getByRole('table').waitFor();
    await expectAccessible(facilitator, text.scheduling.attendance.title);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
