import type { Page } from 'playwright-core';
import { type Meeting, type OwnMembership, SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import { expectAccessible, expectHeading, startBrowserSuite, type BrowserSuite, pressInMenu } from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { type Client, signInAdmin, tokenOf } from '../support/test-app';

jest.setTimeout(90_000);

const HOUR_MS = 3600_000;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(values[key]));

describe('cover and care loop in the browser', () => {
  let suite: BrowserSuite;
  let admin: Client;
  let fixture: GroupFixture;
  let groupName: string;
  let member: Participant;
  let meeting: Meeting;

  async function pageAs(client: Client, locale: 'da' | 'en'): Promise<Page> {
    expect((await client.patch('/auth/me', { locale })).status).toBe(200);
    // A phone-sized screen: these pages are made for it first.
    const { context, page } = await suite.newPage({
      locale: locale === 'da' ? 'da-DK' : 'en-GB',
      viewport: { width: 390, height: 844 },
    });
    await context.addCookies([{ name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url }]);
    return page;
  }

  /**
   * Shows the week holding the test's meeting: this week's list, or the next one's when the meeting
   * falls after Monday midnight in the page's time zone (the page decides the week, not this process).
   */
  async function showMeetingsWeek(page: Page, next: string): Promise<void> {
    // This week's lists are loaded: every caller has waited for the page (expectHeading).
    const onThisWeek = await page.getByRole('listitem').filter({ hasText: groupName }).count();
    if (onThisWeek === 0) await page.getByRole('button', { name: next, exact: true }).click();
  }

  /** The member's saved switch, once it equals `want` or after 5 s. */
  async function savedCareLoop(want: boolean): Promise<boolean | undefined> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const me = (await member.client.get('/auth/me')).body as { memberships: OwnMembership[] };
      const saved = me.memberships.find((m) => m.memberId === member.memberId)?.careLoop;
      if (saved === want || Date.now() > deadline) return saved;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    suite = await startBrowserSuite();
    admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin);
    groupName = ((await admin.get(`/groups/${fixture.groupId}`)).body as { name: string }).name;
    member = await addApprovedParticipant(suite.app, fixture, { displayName: 'Birgitte' });
    const startsAt = new Date(Math.ceil((Date.now() + 2 * HOUR_MS) / 60_000) * 60_000).toISOString();
    const created = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, {
      startsAt,
      durationMinutes: 90,
    });
    expect(created.status).toBe(201);
    meeting = created.body as Meeting;
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('a facilitator finds the gap through the menu and takes the meeting from the gaps list', async () => {
    const page = await pageAs(fixture.facilitator.client, 'da');
    await page.goto('/');
    await expectHeading(page, da.home.title);
    await pressInMenu(page, 'link', da.nav.cover);
    await expectHeading(page, da.cover.page.title);
    await showMeetingsWeek(page, da.cover.week.next);

    const gaps = page.getByRole('region', { name: da.cover.gaps.title });
    const card = gaps.getByRole('listitem').filter({ hasText: groupName });
    await card.getByText(da.cover.card.noFacilitator).waitFor();
    await expectAccessible(page, da.cover.page.title);

    await card.getByRole('button', { name: da.cover.card.take, exact: true }).click();
    await gaps.getByRole('status').filter({ hasText: da.cover.done.taken }).waitFor();
    const mine = page.getByRole('region', { name: da.cover.mine.title });
    await mine.getByRole('listitem').filter({ hasText: groupName }).waitFor();
    expect(await gaps.getByRole('listitem').filter({ hasText: groupName }).count()).toBe(0);
    await expectAccessible(page, da.cover.page.title);

    // The server agrees: covered, by the facilitator's name in the group.
    const listed = (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/meetings`)).body.items as Meeting[];
    expect(listed.find((m) => m.id === meeting.id)).toMatchObject({ covered: true, cover: [{ displayName: 'Mette' }] });

    // Giving it back asks first, then it is a gap again.
    await mine.getByRole('button', { name: da.cover.card.giveBack, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: da.cover.card.giveBackConfirm }).click();
    await mine.getByRole('status').filter({ hasText: da.cover.done.givenBack }).waitFor();
    await gaps.getByRole('listitem').filter({ hasText: groupName }).waitFor();
  });

  it('the cover page and the admin gaps page pass axe in English', async () => {
    const facilitatorPage = await pageAs(fixture.facilitator.client, 'en');
    await facilitatorPage.goto('/cover');
    await expectHeading(facilitatorPage, en.cover.page.title);
    await showMeetingsWeek(facilitatorPage, en.cover.week.next);
    await facilitatorPage.getByRole('region', { name: en.cover.gaps.title }).getByText(groupName).waitFor();
    await expectAccessible(facilitatorPage, en.cover.page.title);

    const adminPage = await pageAs(admin, 'en');
    await adminPage.goto('/');
    await pressInMenu(adminPage, 'link', en.nav.coverGaps);
    await expectHeading(adminPage, en.cover.admin.title);
    await showMeetingsWeek(adminPage, en.cover.week.next);
    const gaps = adminPage.getByRole('region', { name: en.cover.gaps.title });
    await gaps.getByText(groupName).waitFor();
    // An admin sees the gaps but does not take meetings.
    expect(await gaps.getByRole('button', { name: en.cover.card.take, exact: true }).count()).toBe(0);
    await expectAccessible(adminPage, en.cover.admin.title);
  });

  for (const [locale, text] of [
    ['da', da],
    ['en', en],
  ] as const) {
    it(`a member switches the care loop (on in Danish, off in English) beside what it means in plain words (${locale})`, async () => {
      const page = await pageAs(member.client, locale);
      await page.goto('/');
      await expectHeading(page, text.home.title);
      const groups = page.getByRole('region', { name: text.referralJourney.myGroups.title });
      const explanation = fill(text.careLoop.switch.explanation_other, { count: 2 });
      await groups.getByText(explanation, { exact: true }).waitFor();
      const box = groups.getByRole('checkbox', { name: text.careLoop.switch.label, exact: true });
      // The plain words are the switch's own description, read out with it.
      const describedBy = await box.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(explanation);
      await expectAccessible(page, text.home.title);

      // Off until the member switches it on (Danish run); the English run switches it off again.
      const want = locale === 'da';
      expect(await box.isChecked()).toBe(!want);
      await box.click();
      expect(await savedCareLoop(want)).toBe(want);
      expect(await box.isChecked()).toBe(want);
    });
  }
});
