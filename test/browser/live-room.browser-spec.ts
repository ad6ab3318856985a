import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import { newClientId, startMeetingNow, storeMessage } from '../support/chat-fixtures';
import { expectAccessible, expectHeading, pageWithSession, startBrowserSuite, type BrowserSuite } from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { ask, connectChat } from '../support/sockets';
import { signInAdmin, type Client } from '../support/test-app';

// One Chromium and one app for the suite; three people (three contexts) share one room.
jest.setTimeout(120_000);

const text = da.liveRoom;
const RULES = 'Vi taler pænt til hinanden.\nDet, der bliver sagt her, bliver her.';

/** The network between one browser and the server, which the test can cut and restore. */
interface Line {
  /** New connections are refused (with the context offline, long polling fails too). */
  down: boolean;
  /** The server's frames are swallowed: what the client sends arrives, but no answer comes back. */
  swallowReplies: boolean;
  open: Set<WebSocketRoute>;
}

interface Person {
  context: BrowserContext;
  page: Page;
  line: Line;
  dialogs: string[];
}

describe('live room in the browser', () => {
  let suite: BrowserSuite;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  let alfa: Person;
  let bravo: Person;
  let mette: Person;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    const admin = await signInAdmin(suite.app);
    // requireFacilitator is on (the default): members wait until the facilitator has come in.
    fixture = await createGroupFixture(suite.app, admin, { rules: RULES });
    alice = await addApprovedParticipant(suite.app, fixture, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(suite.app, fixture, { displayName: 'Bravo' });
    await startMeetingNow(suite.app, fixture);
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** A person's own browser, signed in with their session, on the group's room page. */
  async function enterRoom(client: Client): Promise<Person> {
    const { context, page } = await pageWithSession(suite, client);
    const line: Line = { down: false, swallowReplies: false, open: new Set() };
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (line.down) {
        void ws.close();
        return;
      }
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (!line.swallowReplies) ws.send(message);
      });
      ws.onClose(() => line.open.delete(ws));
      line.open.add(ws);
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // A tripwire: any script smuggled in through a message would change it.
    await page.addInitScript(() => {
      (window as unknown as { __xss: number }).__xss = 0;
    });
    await page.goto(`/groups/${fixture.groupId}/room`);
    await expectHeading(page, text.title);
    return { context, page, line, dialogs };
  }

  const composer = (person: Person) => person.page.locator('textarea[name="body"]');
  const sendButton = (person: Person) => person.page.getByRole('button', { name: text.composer.send, exact: true });
  const status = (person: Person) => person.page.locator('.room-status');
  const bodies = (person: Person) => person.page.locator('.message-list > li .message-text');

  async function write(person: Person, message: string): Promise<void> {
    await composer(person).fill(message);
    await composer(person).press('Enter');
  }

  async function texts(person: Person): Promise<string[]> {
    return bodies(person).evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
  }

  /** Waits until a message with exactly this text is shown, and returns how many are. */
  async function seen(person: Person, body: string, timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = (await texts(person)).filter((shown) => shown === body).length;
      if (count > 0 || Date.now() > deadline) return count;
      await person.page.waitForTimeout(50);
    }
  }

  async function storedCopies(body: string): Promise<number> {
    const res = await alice.client.get(`/groups/${fixture.groupId}/messages?limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as { body: string | null }[]).filter((m) => m.body === body).length;
  }

  async function cut(person: Person): Promise<void> {
    person.line.down = true;
    await person.context.setOffline(true);
    for (const ws of [...person.line.open]) await ws.close();
    await status(person).getByText(text.status.offline).waitFor();
  }

  async function restore(person: Person): Promise<void> {
    person.line.down = false;
    person.line.swallowReplies = false;
    await person.context.setOffline(false);
    await status(person).getByText(text.status.offline).waitFor({ state: 'detached', timeout: 20_000 });
    await status(person).getByText(text.status.reconnecting).waitFor({ state: 'detached', timeout: 20_000 });
  }

  /** A sheet from the room's bar (rules, help, tools), opened by its button and closed again after `read`. */
  async function inSheet(person: Person, button: string, read: () => Promise<void>): Promise<void> {
    await person.page.locator('.room-bar').getByRole('button', { name: button, exact: true }).click();
    await person.page.getByRole('dialog').waitFor();
    await read();
    await person.page.getByRole('dialog').getByRole('button', { name: da.liveRoom.sheet.close, exact: true }).click();
    await person.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  /** A group with no facilitator needed, a meeting on now, one reader, and `count` messages from its facilitator. */
  async function roomWithMessages(reader: string, count: number, body: (i: number) => string) {
    const admin = await signInAdmin(suite.app);
    const room = await createGroupFixture(suite.app, admin, { requireFacilitator: false });
    const member = await addApprovedParticipant(suite.app, room, { displayName: reader });
    await startMeetingNow(suite.app, room);
    const { groupId, facilitator } = room;
    await Promise.all(
      Array.from({ length: count }, (_, i) => storeMessage(suite.app, { groupId, memberId: facilitator.memberId, body: body(i + 1) })),
    );
    return { room, member };
  }

  /** A signed-in page on the group's room. */
  async function roomPage(client: Client, groupId: string): Promise<Page> {
    const { page } = await pageWithSession(suite, client);
    await page.goto(`/groups/${groupId}/room`);
    await expectHeading(page, text.title);
    return page;
  }

  /** Sends one message on a plain socket of the client's, acknowledged. */
  async function sendOnSocket(client: Client, groupId: string, body: string): Promise<void> {
    const socket = await connectChat(suite.app, client);
    try {
      const sent = await ask<{ ok: boolean }>(socket, 'message:send', { groupId, clientMessageId: newClientId(), body });
      expect(sent.ok).toBe(true);
    } finally {
      socket.close();
    }
  }

  it('two members and a facilitator talk in real time', async () => {
    alfa = await enterRoom(alice.client);
    // The facilitator has not come in yet: Alfa is told so and cannot send.
    await status(alfa).getByText(text.status.waiting).waitFor();
    expect(await sendButton(alfa).isDisabled()).toBe(true);
    // Pinned rules (line breaks kept) and how long messages are kept, one press away in the bar.
    await inSheet(alfa, text.rules.open, async () => {
      expect(await alfa.page.locator('.pinned-rules-text').textContent()).toBe(RULES);
      await alfa.page.getByText(text.retention_other.replace('{{count}}', '180')).waitFor();
    });

    mette = await enterRoom(fixture.facilitator.client);
    await status(alfa).getByText(text.status.waiting).waitFor({ state: 'detached' });
    bravo = await enterRoom(bob.client);

    // Who is here, by pseudonym.
    const presence = alfa.page.locator('.presence-list');
    await presence.getByText('Bravo', { exact: true }).waitFor();
    await presence.getByText('Mette', { exact: true }).waitFor();
    await presence.getByText(text.presence.you.replace('{{name}}', 'Alfa'), { exact: true }).waitFor();

    // Enter sends; the text arrives in the others' rooms at once.
    await write(alfa, 'Hej alle sammen');
    expect(await composer(alfa).inputValue()).toBe('');
    expect(await seen(bravo, 'Hej alle sammen')).toBe(1);
    expect(await seen(mette, 'Hej alle sammen')).toBe(1);

    // Bravo writing shows on Alfa's typing line; Shift+Enter makes a new line, not a send.
    await composer(bravo).click();
    await bravo.page.keyboard.type('Første linje');
    await alfa.page.locator('.typing-line').getByText('Bravo skriver …').waitFor();
    await bravo.page.keyboard.press('Shift+Enter');
    await bravo.page.keyboard.type('Anden linje');
    expect(await composer(bravo).inputValue()).toBe('Første linje\nAnden linje');
    await bravo.page.keyboard.press('Enter');
    expect(await seen(mette, 'Første linje\nAnden linje')).toBe(1);
    // New messages are announced politely, as a short summary.
    await alfa.page.locator('[aria-live="polite"].visually-hidden').getByText('Ny besked fra Bravo').waitFor();

    await write(mette, 'Velkommen, dejligt at I er her');
    for (const person of [alfa, bravo]) expect(await seen(person, 'Velkommen, dejligt at I er her')).toBe(1);

    // One order, the same for everyone; my own message says it was sent.
    const order = ['Hej alle sammen', 'Første linje\nAnden linje', 'Velkommen, dejligt at I er her'];
    for (const person of [alfa, bravo, mette]) expect(await texts(person)).toEqual(order);
    await alfa.page.locator('.message-own .message-state').getByText(text.message.sent).waitFor();
  });

  it('keeps a message written while the connection is cut, sends it once on return, and shows what was missed', async () => {
    await cut(bravo);
    await write(bravo, 'Skrevet uden forbindelse');
    await bravo.page.locator('.message-pending').getByText(text.message.queued).waitFor();
    expect(await storedCopies('Skrevet uden forbindelse')).toBe(0);

    // The others talk on meanwhile.
    await write(alfa, 'Mens Bravo var væk 1');
    await write(mette, 'Mens Bravo var væk 2');
    await seen(alfa, 'Mens Bravo var væk 2');

    await restore(bravo);
    await bravo.page.locator('.message-pending').waitFor({ state: 'detached' });
    const after = await texts(bravo);
    expect(after.slice(-3)).toEqual(['Mens Bravo var væk 1', 'Mens Bravo var væk 2', 'Skrevet uden forbindelse']);
    expect(await seen(alfa, 'Skrevet uden forbindelse')).toBe(1);
    expect(await seen(mette, 'Skrevet uden forbindelse')).toBe(1);
    expect(await storedCopies('Skrevet uden forbindelse')).toBe(1);
    expect(await texts(bravo)).toEqual(await texts(alfa));
  });

  it('stores a message once when the connection died before its answer came back', async () => {
    bravo.line.swallowReplies = true;
    await write(bravo, 'Svaret forsvandt');
    // It reached the server and was stored; Bravo never heard so.
    const deadline = Date.now() + 10_000;
    while ((await storedCopies('Svaret forsvandt')) === 0 && Date.now() < deadline)
      await bravo.page.waitForTimeout(100);
    expect(await storedCopies('Svaret forsvandt')).toBe(1);
    await bravo.page.locator('.message-pending').getByText(text.message.sending).waitFor();

    await cut(bravo);
    await write(alfa, 'Imens');
    await restore(bravo);
    await bravo.page.locator('.message-pending').waitFor({ state: 'detached' });
    expect(await seen(bravo, 'Svaret forsvandt')).toBe(1);
    expect((await texts(bravo)).slice(-2)).toEqual(['Svaret forsvandt', 'Imens']);
    expect(await storedCopies('Svaret forsvandt')).toBe(1);
    expect(await texts(bravo)).toEqual(await texts(alfa));
  });

  it('shows markup, script URLs and bidi overrides as inert, literal text; no script runs', async () => {
    const attacks = [
      '<script>window.__xss = 1; alert(1)</script>',
      '<img src=x onerror="window.__xss = 2; alert(1)">',
      'javascript:alert(1)',
      '<a href="javascript:window.__xss=3">klik her</a>',
      '<svg onload="window.__xss=4"></svg>',
    ];
    for (const attack of attacks) await write(alfa, attack);
    const bidi = 'faktura\u202Egnp.exe og \u2067skjult\u2069';
    await write(alfa, bidi);
    await write(alfa, 'Læs mere på https://example.org/råd.');

    for (const person of [bravo, alfa]) {
      for (const attack of attacks) expect(await seen(person, attack)).toBe(1);
      // Bidi controls removed: shown in the order it was written.
      expect(await seen(person, 'fakturagnp.exe og skjult')).toBe(1);
      const shown = await texts(person);
      expect(shown.some((t) => /[\u202A-\u202E\u2066-\u2069]/.test(t))).toBe(false);
      const main = person.page.locator('main');
      expect(await main.locator('script, img, svg[onload], iframe').count()).toBe(0);
      expect(await main.locator('a[href^="javascript"]').count()).toBe(0);
      // An ordinary address is a plain link that opens apart and sends no referrer.
      const link = main.locator('.message-text a');
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe('https://example.org/r%C3%A5d');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(await link.getAttribute('target')).toBe('_blank');
      await person.page.waitForTimeout(200);
      expect(await person.page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
      expect(person.dialogs).toEqual([]);
    }
  });

  it('hides a warned message until opened, and lets the author delete their own', async () => {
    await alfa.page.getByRole('button', { name: text.composer.addWarning }).click();
    await alfa.page.getByLabel(text.composer.warningLabel, { exact: true }).fill('vold');
    await write(alfa, 'Det, der skete, var svært');
    const warning = bravo.page.getByText(text.message.contentWarning.replace('{{warning}}', 'vold'));
    await warning.waitFor();
    expect(await bravo.page.getByText('Det, der skete, var svært').count()).toBe(0);
    const open = bravo.page.getByRole('button', { name: text.message.show });
    await open.click();
    await bravo.page.getByText('Det, der skete, var svært').waitFor();

    // Bravo deletes his own message: a tombstone for everyone.
    const own = bravo.page.locator('.message-own').filter({ hasText: 'Skrevet uden forbindelse' });
    await own.getByRole('button', { name: text.message.actions.replace('{{name}}', 'Bravo') }).click();
    await own.getByRole('button', { name: text.message.delete }).click();
    await bravo.page.getByRole('alertdialog').getByRole('button', { name: text.message.deleteConfirm }).click();
    for (const person of [alfa, bravo, mette])
      await person.page.getByText('Skrevet uden forbindelse').waitFor({ state: 'detached' });
    expect(await alfa.page.getByText(text.message.deleted).count()).toBeGreaterThanOrEqual(1);
    expect(await storedCopies('Skrevet uden forbindelse')).toBe(0);
  });

  it('has no serious or critical axe findings on the room page, in Danish and English', async () => {
    await expectAccessible(bravo.page, da.liveRoom.title);
    await bravo.page.getByRole('button', { name: 'English', exact: true }).click();
    await expectAccessible(bravo.page, en.liveRoom.title);
    await bravo.page.getByRole('button', { name: en.liveRoom.rules.open, exact: true }).click();
    await bravo.page.getByText(en.liveRoom.retention_other.replace('{{count}}', '180')).waitFor();
    await bravo.page.getByRole('button', { name: en.liveRoom.sheet.close, exact: true }).click();
    await bravo.page.getByRole('button', { name: 'Dansk', exact: true }).click();
    await expectHeading(bravo.page, da.liveRoom.title);
  });

  it('the rooms are linked from the home pages', async () => {
    await alfa.page.goto('/');
    const link = alfa.page.getByRole('link', { name: /Gå til samtalerummet for/ });
    await link.click();
    await expectHeading(alfa.page, text.title);
    expect(new URL(alfa.page.url()).pathname).toBe(`/groups/${fixture.groupId}/room`);
    expect(await seen(alfa, 'Hej alle sammen')).toBe(1);
  });

  it('keeps the page small in a room with thousands of messages', async () => {
    const total = 2000;
    const { room: big, member: reader } = await roomWithMessages('Charlie', total, (i) => `Besked ${i}`);
    const page = await roomPage(reader.client, big.groupId);
    const items = page.locator('.message-list > li');
    const shown = async () =>
      (await page.locator('.message-list .message-text').allTextContents()).map((t) => Number(t.split(' ')[1]));
    await page.getByText(`Besked ${total}`, { exact: true }).waitFor();
    const scroller = page.getByRole('region', { name: text.list.label });

    for (let step = 0; step < 8; step += 1) {
      const firstBefore = (await shown())[0];
      await page.getByRole('button', { name: text.list.showEarlier }).click();
      await page.waitForFunction(
        (first) => !document.querySelector('.message-list .message-text')?.textContent?.endsWith(` ${first}`),
        firstBefore,
      );
      await page.getByRole('button', { name: text.list.showEarlier }).waitFor();
      const numbers = await shown();
      // Never more than 300 messages in the page, always consecutive and in order.
      expect(numbers.length).toBeLessThanOrEqual(300);
      expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
      expect(numbers[0]).toBeLessThan(firstBefore);
      // The message that was at the top stays in view: reading goes on from where it was.
      const kept = page.locator('.message-list .message-text').getByText(`Besked ${firstBefore}`, { exact: true });
      const [box, view] = await Promise.all([kept.boundingBox(), scroller.boundingBox()]);
      expect(box && view && box.y >= view.y - 1 && box.y < view.y + view.height).toBe(true);
    }
    expect(await items.count()).toBeLessThanOrEqual(300);

    // Reading further up: a new message waits below instead of moving the text.
    await sendOnSocket(big.facilitator.client, big.groupId, 'Ny besked nu');
    await page.getByText(text.list.newBelow_one.replace('{{count}}', '1')).waitFor();
    expect(await page.getByText('Ny besked nu', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: text.list.jumpToLatest }).click();
    await page.getByText('Ny besked nu', { exact: true }).waitFor();
    expect(await items.count()).toBeLessThanOrEqual(300);
    expect(await page.locator('.message-list .message-text').last().textContent()).toBe('Ny besked nu');
  });

  it('keeps following the conversation when something appears above it as it scrolls (a live cue)', async () => {
    const { room, member: reader } = await roomWithMessages('Delta', 60, (i) => `Linje ${i}`);
    const page = await roomPage(reader.client, room.groupId);
    await page.getByText('Linje 60', { exact: true }).waitFor();

    // The race a facilitator's room runs into when a message and its safety cue arrive together:
    // the view jumps to the newest message, and before that scroll is dispatched a cue appears
    // above the conversation, so the scroll lands far from the new bottom without the reader
    // having scrolled at all. Done here in one task: the view shrinks, then moves down by a pixel.
    const fromBottom = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.message-scroll')!;
      const cue = document.createElement('div');
      cue.className = 'test-cue';
      cue.style.height = '160px';
      cue.style.flex = 'none';
      scroller.before(cue);
      scroller.scrollTop += 1;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    });
    expect(fromBottom).toBeGreaterThan(48);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // The view shrank under the newest message: it was brought back into view at once.
    const scrollRegion = page.getByRole('region', { name: text.list.label });
    const [lastBox, viewBox] = await Promise.all([
      page.locator('.message-list .message-text').getByText('Linje 60', { exact: true }).boundingBox(),
      scrollRegion.boundingBox(),
    ]);
    expect(lastBox && viewBox && lastBox.y + lastBox.height <= viewBox.y + viewBox.height + 1).toBe(true);

    await sendOnSocket(room.facilitator.client, room.groupId, 'Efter signalet');
    // Still following: the new message is in the page and in view, with nothing waiting below.
    const newest = page.locator('.message-list .message-text').getByText('Efter signalet', { exact: true });
    await newest.waitFor();
    expect(await page.getByRole('button', { name: text.list.jumpToLatest }).count()).toBe(0);
    const [box, view] = await Promise.all([newest.boundingBox(), scrollRegion.boundingBox()]);
    expect(box && view && box.y + box.height <= view.y + view.height + 1).toBe(true);
  });

  it('says when a closed room opens, and takes no messages until then', async () => {
    const admin = await signInAdmin(suite.app);
    const later = await createGroupFixture(suite.app, admin);
    const member = await addApprovedParticipant(suite.app, later, { displayName: 'Delta' });
    const hour = 3600_000;
    const startsAt = new Date(Math.ceil((suite.app.clock.nowMs() + 26 * hour) / hour) * hour);
    const created = await later.facilitator.client.post(`/groups/${later.groupId}/meetings`, {
      startsAt: startsAt.toISOString(),
      durationMinutes: 60,
    });
    expect(created.status).toBe(201);
    const { page } = await pageWithSession(suite, member.client);
    await page.goto(`/groups/${later.groupId}/room`);
    // Opens 10 minutes before the meeting (the default), told in the group's time zone, Danish style.
    const opensAt = new Date(startsAt.getTime() - 10 * 60_000);
    const zone = { timeZone: 'Europe/Copenhagen' } as const;
    const day = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', ...zone }).format(opensAt);
    const time = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', ...zone }).format(opensAt);
    expect(time).toMatch(/^\d\d\.\d\d$/);
    await page
      .locator('.room-status')
      .getByText(text.status.closedOpensLater.replace('{{day}}', day).replace('{{time}}', time))
      .waitFor();
    await page.locator('textarea[name="body"]').fill('Er der nogen?');
    expect(await page.getByRole('button', { name: text.composer.send, exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, text.title);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
