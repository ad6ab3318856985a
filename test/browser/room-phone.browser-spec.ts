import type { Page } from 'playwright-core';
import da from '../../web/src/lib/i18n/da.json';
import { startMeetingNow, storeMessage } from '../support/chat-fixtures';
import { expectAccessible, expectHeading, pageWithSession, startBrowserSuite, type BrowserSuite } from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { signInAdmin, type Client } from '../support/test-app';

// One Chromium and one app; members on a phone-sized screen.
jest.setTimeout(120_000);

const text = da.liveRoom;
const PHONE = { width: 390, height: 844 };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

describe('the live room on a phone: layout and the states it says plainly', () => {
  let suite: BrowserSuite;
  let fixture: GroupFixture;
  let alfa: Participant;
  let bravo: Participant;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    const admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin, { requireFacilitator: false });
    alfa = await addApprovedParticipant(suite.app, fixture, { displayName: 'Alfa' });
    bravo = await addApprovedParticipant(suite.app, fixture, { displayName: 'Bravo' });
    await startMeetingNow(suite.app, fixture);
    // A conversation already under way (the send path's rate limit is not what these tests are about).
    for (let i = 1; i <= 8; i += 1) {
      const memberId = (i % 2 === 0 ? alfa : bravo).memberId;
      await storeMessage(suite.app, { groupId: fixture.groupId, memberId, body: `Tidligere besked ${i}` });
    }
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function roomOnPhone(client: Client): Promise<Page> {
    const { page } = await pageWithSession(suite, client, { viewport: PHONE });
    await page.goto(`/groups/${fixture.groupId}/room`);
    await expectHeading(page, text.title);
    return page;
  }

  const composer = (page: Page) => page.locator('textarea[name="body"]');
  const sendButton = (page: Page) => page.locator('.composer-send');

  async function storedCopies(body: string): Promise<number> {
    const res = await alfa.client.get(`/groups/${fixture.groupId}/messages?limit=100`);
    return (res.body.items as { body: string | null }[]).filter((m) => m.body === body).length;
  }

  it('at 390×844 the composer and at least five messages are in view without scrolling', async () => {
    const page = await roomOnPhone(alfa.client);
    await page.getByText('Tidligere besked 8', { exact: true }).waitFor();
    const layout = await page.evaluate(() => {
      const inView = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      };
      const list = document.querySelector('.message-scroll')!.getBoundingClientRect();
      const messages = [...document.querySelectorAll('.message-list > li')].filter((li) => {
        const r = li.getBoundingClientRect();
        return inView(li) && r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
      });
      return {
        pageScrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
        composer: inView(document.querySelector('textarea[name="body"]')!),
        send: inView(document.querySelector('.composer-send')!),
        messagesInView: messages.length,
      };
    });
    expect(layout).toEqual({ pageScrolls: false, composer: true, send: true, messagesInView: expect.any(Number) });
    expect(layout.messagesInView).toBeGreaterThanOrEqual(5);
    await expectAccessible(page, text.title);
  });

  it('says "offline" the moment the browser knows, keeps what is written, and sends it once when back', async () => {
    const page = await roomOnPhone(alfa.client);
    await page.getByText('Tidligere besked 8', { exact: true }).waitFor();
    const context = page.context();
    await context.setOffline(true);
    // The browser's offline event, not the socket's timeouts (which take tens of seconds).
    await page.locator('.room-status').getByText(text.status.offline).waitFor({ timeout: 3000 });
    await composer(page).fill('Skrevet uden net');
    await composer(page).press('Enter');
    await page.locator('.message-pending').getByText('Skrevet uden net').waitFor();
    expect(await storedCopies('Skrevet uden net')).toBe(0);
    await context.setOffline(false);
    await page.locator('.room-status').getByText(text.status.offline).waitFor({ state: 'detached' });
    await page.locator('.message-pending').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await storedCopies('Skrevet uden net')).toBe(1);
    await page.context().close();
  });

  it('counts down on the send button in slow mode, and keeps the next text meanwhile', async () => {
    const slowed = await fixture.facilitator.client.patch(`/groups/${fixture.groupId}/room`, { slowModeSeconds: 10 });
    expect(slowed.status).toBe(200);
    try {
      const page = await roomOnPhone(alfa.client);
      await page.getByText(fill(da.moderation.member.slowMode_other, { count: 10 })).waitFor();
      await composer(page).fill('Første i langsom tilstand');
      await composer(page).press('Enter');
      await page
        .locator('.message-list .message-text')
        .getByText('Første i langsom tilstand', { exact: true })
        .waitFor();
      // The button says how long to wait, and waits (10 s: room for the steps below on a busy machine).
      await sendButton(page)
        .getByText(/^Vent \d+ sekund(er)?$/)
        .waitFor();
      expect(await sendButton(page).isDisabled()).toBe(true);
      const shownWait = await sendButton(page).textContent();
      expect(Number(shownWait?.match(/\d+/)?.[0])).toBeLessThanOrEqual(10);
      await composer(page).fill('Anden besked');
      await composer(page).press('Enter');
      expect(await composer(page).inputValue()).toBe('Anden besked');
      // Then it counts down to "Send" again, and the message goes.
      await sendButton(page).getByText(text.composer.send, { exact: true }).waitFor({ timeout: 15_000 });
      expect(await sendButton(page).isDisabled()).toBe(false);
      await composer(page).press('Enter');
      await page.locator('.message-list .message-text').getByText('Anden besked', { exact: true }).waitFor();
      await page.context().close();
    } finally {
      await fixture.facilitator.client.patch(`/groups/${fixture.groupId}/room`, { slowModeSeconds: 0 });
    }
  });

  it('asks about identifying details beside the composer; "Send ikke" puts the text back to change', async () => {
    const page = await roomOnPhone(alfa.client);
    const risky = 'Ring til mig på 22 33 44 55';
    await composer(page).fill(risky);
    await composer(page).press('Enter');
    const question = page.locator('.room-bottom .identifying-confirm');
    await question.getByText(da.moderation.member.identifyingTitle).waitFor();
    // Beside the composer, in view on the phone.
    const box = await question.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    expect(await composer(page).inputValue()).toBe('');
    await question.getByRole('button', { name: da.moderation.member.identifyingEdit, exact: true }).click();
    await question.waitFor({ state: 'detached' });
    expect(await composer(page).inputValue()).toBe(risky);
    expect(await page.locator('.message-pending, .message-failed').count()).toBe(0);
    expect(await storedCopies(risky)).toBe(0);
    await page.context().close();
  });

  it('tells a newcomer they see the messages from when they joined, not that nobody is here', async () => {
    const charlie = await addApprovedParticipant(suite.app, fixture, { displayName: 'Charlie' });
    const page = await roomOnPhone(charlie.client);
    const start = page.locator('.message-start').first();
    await start.waitFor();
    const [before, after] = text.list.joinedHere.split('{{when}}');
    const line = (await start.textContent()) ?? '';
    expect([line.startsWith(before), line.endsWith(after)]).toEqual([true, true]);
    // When, in Danish: "6. december kl. 14.05".
    expect(line).toMatch(/\d{1,2}\. [a-zæøå]+ kl\. \d\d\.\d\d/);
    await page.getByText(text.list.emptySinceJoined).waitFor();
    expect(await page.getByText('Tidligere besked 1', { exact: true }).count()).toBe(0);
    // Who is here says the room is not empty.
    await page
      .locator('.presence-list')
      .getByText(fill(text.presence.you, { name: 'Charlie' }))
      .waitFor();
    await page.context().close();
  });

  it("clears the conversation from a banned member's screen and says what happened in plain words", async () => {
    const page = await roomOnPhone(bravo.client);
    await page.getByText('Tidligere besked 7', { exact: true }).waitFor();
    const banned = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${bravo.memberId}/ban`, {
      reason: 'Gentagne krænkelser',
    });
    expect(banned.status).toBe(200);
    await page.getByRole('heading', { level: 2, name: da.moderation.member.removedTitle }).waitFor();
    await page.getByText(da.moderation.member.bannedText).waitFor();
    expect(await page.locator('.message-list > li, .message-text').count()).toBe(0);
    expect(await composer(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: text.status.reconnect }).count()).toBe(0);
    // The facilitator's reason is not shown to the member.
    expect(await page.getByText('Gentagne krænkelser').count()).toBe(0);
    await expectAccessible(page, text.title);
    // Coming back later says the same.
    await page.reload();
    await page.getByText(da.moderation.member.bannedText).waitFor();
    expect(await page.locator('.message-text').count()).toBe(0);
    await page.context().close();
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
