import type { BrowserContext, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { expectAccessible, expectHeading, startBrowserSuite, type BrowserSuite } from '../support/browser';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { ask, collect, connectChat, eventually, type ChatClient } from '../support/sockets';
import { signInAdmin, tokenOf, type Client } from '../support/test-app';

// One Chromium and one app for the suite: a facilitator and a member in two browsers, a second
// member on a plain socket.
jest.setTimeout(180_000);

const m = da.moderation;
const room = da.liveRoom;

/** i18next's `{{name}}` placeholders, filled as the page fills them. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

interface Person {
  context: BrowserContext;
  page: Page;
}

describe('moderation and safety in the browser (issue 6)', () => {
  let suite: BrowserSuite;
  let admin: Client;
  let fixture: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  let bravo: ChatClient;
  let bravoNotices: unknown[];
  let alfa: Person;
  let mette: Person;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    admin = await signInAdmin(suite.app);
    fixture = await createGroupFixture(suite.app, admin);
    alice = await addApprovedParticipant(suite.app, fixture, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(suite.app, fixture, { displayName: 'Bravo' });
    await startMeetingNow(suite.app, fixture);
  });

  afterAll(async () => {
    bravo?.close();
    await suite?.close();
  });

  /** A browser signed in with the client's session, in the account's saved language. */
  async function pageAs(client: Client, locale: 'da' | 'en' = 'da'): Promise<Person> {
    const saved = await client.patch('/auth/me', { locale });
    expect(saved.status).toBe(200);
    const { context, page } = await suite.newPage({ locale: locale === 'da' ? 'da-DK' : 'en-GB' });
    await context.addCookies([
      { name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    return { context, page };
  }

  async function enterRoom(client: Client): Promise<Person> {
    const person = await pageAs(client);
    await person.page.goto(`/groups/${fixture.groupId}/room`);
    await expectHeading(person.page, room.title);
    return person;
  }

  const composer = (person: Person) => person.page.locator('textarea[name="body"]');
  const sendButton = (person: Person) => person.page.getByRole('button', { name: room.composer.send, exact: true });
  const messageItem = (person: Person, text: string): Locator =>
    person.page.locator('.message-list > li').filter({ hasText: text });

  async function write(person: Person, body: string): Promise<void> {
    await composer(person).fill(body);
    await composer(person).press('Enter');
  }

  async function bravoSays(body: string): Promise<void> {
    const ack = await ask<{ ok: boolean; code?: string }>(bravo, 'message:send', {
      groupId: fixture.groupId,
      clientMessageId: newClientId(),
      body,
    });
    expect(ack).toMatchObject({ ok: true });
  }

  async function shown(person: Person, text: string): Promise<void> {
    await person.page.locator('.message-list .message-text').getByText(text, { exact: true }).waitFor();
  }

  /** A message's actions, folded behind its "⋯" button (named after the message's writer). */
  async function actionsOf(person: Person, text: string, author: string): Promise<Locator> {
    const item = messageItem(person, text);
    const more = item.getByRole('button', { name: fill(room.message.actions, { name: author }) });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    return item.locator('.message-actions');
  }

  /** Opens a sheet from the room's bar by its button. */
  async function openSheet(person: Person, button: string | RegExp): Promise<Locator> {
    await person.page.locator('.room-bar').getByRole('button', { name: button }).click();
    const sheet = person.page.getByRole('dialog');
    await sheet.waitFor();
    return sheet;
  }

  async function closeSheet(person: Person): Promise<void> {
    await person.page.locator('.sheet .dialog-head').getByRole('button', { name: m.member.close, exact: true }).click();
    await person.page.locator('.sheet').waitFor({ state: 'detached' });
  }

  /**
   * When a mute ends, as the page says it: "kl. 18.00" today, "7. december kl. 00.30" when the hour
   * crosses midnight in the group's time zone (the test may run at any time of day).
   */
  const untilPattern = String.raw`(?:\d{1,2}\. [a-zæøå]+(?: \d{4})? )?kl\. \d\d\.\d\d`;

  /** The facilitators' tools button says how much waits: "Værktøjer" or "Værktøjer (2 venter)". */
  const toolsButton = new RegExp(`^${m.live.tools}`);

  it('a facilitator mutes and unmutes a member and removes a message; the member sees each effect at once', async () => {
    mette = await enterRoom(fixture.facilitator.client);
    alfa = await enterRoom(alice.client);
    bravo = await connectChat(suite.app, bob.client);
    bravoNotices = collect(bravo, 'moderation:notice');
    expect(await ask<{ ok: boolean }>(bravo, 'room:join', { groupId: fixture.groupId })).toMatchObject({ ok: true });

    await write(alfa, 'Hej fra Alfa');
    await shown(mette, 'Hej fra Alfa');

    // Mute, from Alfa's message: the dialog says what happens, and Alfa's composer follows at once.
    await (
      await actionsOf(mette, 'Hej fra Alfa', 'Alfa')
    )
      .getByRole('button', { name: fill(m.member.muteLabel, { name: 'Alfa' }) })
      .click();
    const muteDialog = mette.page.getByRole('dialog');
    await muteDialog.getByRole('heading', { name: fill(m.member.muteTitle, { name: 'Alfa' }) }).waitFor();
    await muteDialog.getByText(new RegExp(`Alfa kan ikke skrive i gruppen før ${untilPattern}`)).waitFor();
    await muteDialog.getByLabel(m.fields.mute60, { exact: true }).check();
    await muteDialog.getByLabel(m.fields.reason).fill('En pause i samtalen');
    await muteDialog.getByRole('button', { name: fill(m.member.muteConfirm, { name: 'Alfa' }) }).click();
    await muteDialog.waitFor({ state: 'detached' });

    const mutedNotice = alfa.page.getByText(
      new RegExp(`En facilitator har sat din skrivning i gruppen på pause til ${untilPattern}`),
    );
    await mutedNotice.waitFor();
    await composer(alfa).fill('Kan jeg skrive?');
    expect(await sendButton(alfa).isDisabled()).toBe(true);
    // Bravo was not told anything.
    expect(bravoNotices).toEqual([]);

    // Unmute: Alfa can write again, and the message arrives.
    await (
      await actionsOf(mette, 'Hej fra Alfa', 'Alfa')
    )
      .getByRole('button', { name: fill(m.member.unmuteLabel, { name: 'Alfa' }) })
      .click();
    const unmuteDialog = mette.page.getByRole('alertdialog');
    await unmuteDialog.getByText(fill(m.member.unmuteWhat, { name: 'Alfa' })).waitFor();
    await unmuteDialog.getByRole('button', { name: fill(m.member.unmuteConfirm, { name: 'Alfa' }) }).click();
    await mutedNotice.waitFor({ state: 'detached' });
    await write(alfa, 'Tilbage igen');
    await shown(mette, 'Tilbage igen');

    // A facilitator removes Bravo's message with a reason: a tombstone for Alfa, original and reason for Mette.
    await bravoSays('En grim besked');
    await shown(alfa, 'En grim besked');
    await (
      await actionsOf(mette, 'En grim besked', 'Bravo')
    )
      .getByRole('button', { name: fill(m.message.removeLabel, { name: 'Bravo' }) })
      .click();
    const removeDialog = mette.page.getByRole('alertdialog');
    await removeDialog.getByText(m.message.removeWhat).waitFor();
    await removeDialog.getByLabel(m.fields.reason).fill('Krænkende ordvalg');
    await removeDialog.getByRole('button', { name: m.message.removeConfirm }).click();

    await alfa.page.getByText('En grim besked').waitFor({ state: 'detached' });
    await alfa.page.locator('.message-list').getByText(room.message.removedByFacilitator).waitFor();
    await mette.page.getByText(fill(m.message.original, { text: 'En grim besked' })).waitFor();
    await mette.page.getByText(fill(m.message.reason, { reason: 'Krænkende ordvalg' })).waitFor();
    expect(await alfa.page.getByText('Krænkende ordvalg').count()).toBe(0);
  });

  it("a member reports a message and uses the safety button; the facilitator's pages show both, never the reporter", async () => {
    await bravoSays('Du skulle bare holde op');
    await shown(alfa, 'Du skulle bare holde op');

    // Report: it says where it goes and that Bravo is not told who reported.
    await (
      await actionsOf(alfa, 'Du skulle bare holde op', 'Bravo')
    )
      .getByRole('button', { name: fill(m.member.reportLabel, { name: 'Bravo' }) })
      .click();
    const reportDialog = alfa.page.getByRole('dialog');
    await reportDialog.getByText(fill(m.member.reportWho, { name: 'Bravo' })).waitFor();
    await reportDialog.getByLabel(m.categories.harassment, { exact: true }).check();
    await reportDialog.getByLabel(new RegExp(m.member.reportNote)).fill('Det føles truende');
    await reportDialog.getByRole('button', { name: m.member.reportSend }).click();
    await reportDialog.getByText(m.member.reportSent).waitFor();
    await reportDialog.getByRole('button', { name: m.member.close }).click();

    // The facilitator in the room gets a visual cue at once (no sound, no reporter).
    const cues = mette.page.locator('.live-cues');
    await cues.getByText(fill(m.live.report, { category: m.categories.harassment })).waitFor();

    // "I'm not safe right now", in the help sheet: asks once, shows the help lines from the server,
    // tells the facilitators.
    const helpSheet = await openSheet(alfa, m.member.help);
    await helpSheet.getByRole('button', { name: m.member.notSafe, exact: true }).click();
    const safetyDialog = alfa.page.getByRole('alertdialog');
    await safetyDialog.getByText(m.member.notSafeText).waitFor();
    await safetyDialog.getByText('Dansk Stalking Center, telefonrådgivning').waitFor();
    await safetyDialog.getByRole('link', { name: fill(m.member.call, { number: '25 17 73 74' }) }).waitFor();
    await safetyDialog.getByRole('button', { name: m.member.notSafeConfirm }).click();
    await safetyDialog.getByText(m.member.notSafeSent).waitFor();
    await safetyDialog.getByRole('button', { name: m.member.close }).click();
    await safetyDialog.waitFor({ state: 'detached' });
    await closeSheet(alfa);
    await cues.getByText(fill(m.live.safety['not-safe'], { from: 'Alfa' })).waitFor();
    // What waits is in the tools button's name, and said in full inside.
    const tools = await openSheet(mette, fill(m.live.toolsWaiting_other, { count: 2 }));
    await tools.getByText(fill(m.live.counter, { safety: 1, reports: 1, held: 0 })).waitFor();
    await closeSheet(mette);

    // The moderation page: the report with its category and note, but not who reported; the alert.
    const desk = mette.page;
    await desk.goto(`/groups/${fixture.groupId}/moderation`);
    await expectHeading(desk, m.desk.title);
    const reports = desk.getByRole('list', { name: m.reports.listLabel });
    const report = reports.getByRole('listitem').filter({ hasText: 'Du skulle bare holde op' });
    await report.getByText(m.categories.harassment).waitFor();
    await report.getByText(fill(m.reports.note, { note: 'Det føles truende' })).waitFor();
    expect(await report.getByText('Alfa').count()).toBe(0);
    const alerts = desk.getByRole('list', { name: m.safety.listLabel });
    await alerts.getByText(fill(m.safety.kind['not-safe'], { from: 'Alfa' })).waitFor();

    // Deciding on the report carries out its action: the message becomes a tombstone in Alfa's room.
    await report.getByRole('button', { name: fill(m.reports.handleLabel, { name: 'Bravo' }) }).click();
    const decide = desk.getByRole('dialog');
    await decide.getByLabel(m.reports.outcome.removeMessage, { exact: true }).check();
    await decide.getByLabel(m.fields.reason).fill('Truende tone');
    await decide.getByRole('button', { name: m.reports.confirmAction }).click();
    await report.waitFor({ state: 'detached' });
    await alfa.page.getByText('Du skulle bare holde op').waitFor({ state: 'detached' });

    // The alert is handled; both actions are in the log (its own tab), newest first, with who, whom and why.
    await alerts
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: fill(m.safety.resolveLabel, { name: 'Alfa' }) })
      .click();
    await desk.getByRole('alertdialog').getByRole('button', { name: m.safety.resolveConfirm }).click();
    await desk.getByText(m.safety.empty).waitFor();
    await desk.getByRole('tab', { name: m.desk.tabs.log }).click();
    const log = desk.getByRole('list', { name: m.log.title });
    await log
      .getByText(fill(m.log.action['message-removed'], { actor: 'Mette', target: 'Bravo' }))
      .first()
      .waitFor();
    await log.getByText(fill(m.log.reason, { reason: 'Truende tone' })).waitFor();
    await log.getByText(fill(m.log.action.muted, { actor: 'Mette', target: 'Alfa' })).waitFor();
    const entries = await log.locator('> li .item-title').allTextContents();
    expect(entries.indexOf(fill(m.log.action['safety-resolved'], { actor: 'Mette', target: 'Alfa' }))).toBe(0);
  });

  it('a member hides and shows another member, is asked before sending identifying details, and is shown help lines after crisis wording', async () => {
    await alfa.page.reload();
    await expectHeading(alfa.page, room.title);
    await mette.page.goto(`/groups/${fixture.groupId}/room`);
    await expectHeading(mette.page, room.title);

    // Hide Bravo's messages for Alfa only (from the help sheet); live messages from Bravo stay away too.
    let help = await openSheet(alfa, m.member.help);
    await help.getByRole('button', { name: fill(m.member.ignoreLabel, { name: 'Bravo' }) }).click();
    await help.getByRole('button', { name: fill(m.member.unignoreLabel, { name: 'Bravo' }) }).waitFor();
    await closeSheet(alfa);
    await alfa.page.getByText('En grim besked').waitFor({ state: 'detached' });
    await alfa.page
      .locator('.message-list')
      .getByText(room.message.removedByFacilitator)
      .waitFor({ state: 'detached' });
    await bravoSays('Skjult for Alfa');
    await shown(mette, 'Skjult for Alfa');
    await alfa.page.waitForTimeout(300);
    expect(await alfa.page.getByText('Skjult for Alfa').count()).toBe(0);
    help = await openSheet(alfa, m.member.help);
    await help.getByRole('button', { name: fill(m.member.unignoreLabel, { name: 'Bravo' }) }).click();
    await help.getByRole('button', { name: fill(m.member.ignoreLabel, { name: 'Bravo' }) }).waitFor();
    await closeSheet(alfa);
    await shown(alfa, 'Skjult for Alfa');

    // A phone number: Alfa is asked first, beside the composer; nothing is sent until Alfa confirms.
    await write(alfa, 'Ring til mig på 22 33 44 55');
    await alfa.page.locator('.room-bottom').getByText(m.member.identifyingTitle).waitFor();
    await mette.page.waitForTimeout(300);
    expect(await mette.page.getByText('Ring til mig på 22 33 44 55').count()).toBe(0);
    await alfa.page.getByRole('button', { name: m.member.identifyingSend }).click();
    await shown(mette, 'Ring til mig på 22 33 44 55');
    await mette.page
      .locator('.live-cues')
      .getByText(fill(m.live.safety['identifying-info'], { from: 'Alfa' }))
      .waitFor();

    // Crisis wording: delivered, and Alfa is shown the help lines the server sent with the answer.
    await write(alfa, 'Jeg vil ikke leve mere');
    const crisis = alfa.page.getByRole('region', { name: m.member.crisisTitle });
    await crisis.waitFor();
    await crisis.getByText('Dansk Stalking Center, telefonrådgivning').waitFor();
    await shown(mette, 'Jeg vil ikke leve mere');
    await mette.page
      .locator('.live-cues')
      .getByText(fill(m.live.safety.crisis, { from: 'Alfa' }))
      .waitFor();
    await crisis.getByRole('button', { name: m.member.crisisClose }).click();
    await crisis.waitFor({ state: 'detached' });
  });

  it('a held message waits for a facilitator: the writer is told, the facilitator lets it through', async () => {
    const desk = await pageAs(fixture.facilitator.client);
    await desk.page.goto(`/groups/${fixture.groupId}/moderation`);
    await expectHeading(desk.page, m.desk.title);
    await desk.page.getByRole('tab', { name: m.desk.tabs.room }).click();
    const words = desk.page.getByRole('region', { name: m.words.groupTitle });
    await words.getByLabel(m.words.newLabel).fill('hemmelighed');
    await words.getByLabel(m.words.action.hold, { exact: true }).check();
    await words.getByRole('button', { name: m.words.add }).click();
    await words.getByRole('button', { name: fill(m.words.removeLabel, { word: 'hemmelighed' }) }).waitFor();

    await write(alfa, 'Jeg har en hemmelighed');
    await alfa.page.getByText(m.member.heldNotice).waitFor();
    await mette.page
      .locator('.live-cues')
      .getByText(fill(m.live.held, { name: 'Alfa' }))
      .waitFor();
    const seenByBravo = collect<{ message: { body: string | null } }>(bravo, 'message:new');

    await desk.page.reload();
    await expectHeading(desk.page, m.desk.title);
    // The page kept its tab (the address says which); what waits is on the first one.
    expect(await desk.page.getByRole('tab', { name: m.desk.tabs.room }).getAttribute('aria-selected')).toBe('true');
    await desk.page.getByRole('tab', { name: new RegExp(`^${m.desk.tabs.queue}`) }).click();
    const held = desk.page.getByRole('list', { name: m.held.listLabel });
    await held.getByText('Jeg har en hemmelighed').waitFor();
    expect(seenByBravo).toEqual([]);
    await held.getByRole('button', { name: fill(m.held.approveLabel, { name: 'Alfa' }) }).click();
    await desk.page.getByText(m.held.empty).waitFor();
    await eventually(() => seenByBravo.length > 0);
    expect(seenByBravo.map((event) => event.message.body)).toEqual(['Jeg har en hemmelighed']);
    await desk.context.close();
  });

  it('room controls, private notes and "I think I know this person" work from the room', async () => {
    await mette.page.reload();
    await expectHeading(mette.page, room.title);
    await openSheet(mette, toolsButton);
    const tools = mette.page.locator('.facilitator-tools-panels');

    // Locking the room (not the same word as muting a person): Alfa is told and cannot send;
    // unlocking it lets Alfa write.
    await tools.getByRole('button', { name: m.room.lock }).click();
    await mette.page.getByRole('alertdialog').getByText(m.room.lockWhat).waitFor();
    await mette.page.getByRole('alertdialog').getByRole('button', { name: m.room.lock }).click();
    await tools.getByText(m.room.isLocked).waitFor();
    await alfa.page.locator('.room-status').getByText(room.status.locked).waitFor();
    await composer(alfa).fill('Må jeg?');
    expect(await sendButton(alfa).isDisabled()).toBe(true);
    await tools.getByRole('button', { name: m.room.unlock }).click();
    await mette.page.getByRole('alertdialog').getByRole('button', { name: m.room.unlock }).click();
    await alfa.page.locator('.room-status').getByText(room.status.locked).waitFor({ state: 'detached' });
    await write(alfa, 'Nu må jeg igen');
    await shown(mette, 'Nu må jeg igen');

    // A private note on Alfa, said to be for facilitators only, stored and shown back.
    const alfaItem = tools
      .getByRole('list', { name: m.members.title })
      .getByRole('listitem')
      .filter({ hasText: 'Alfa' });
    await alfaItem.getByRole('button', { name: fill(m.notes.showLabel, { name: 'Alfa' }) }).click();
    await alfaItem.getByText(fill(m.notes.privacy, { name: 'Alfa' })).waitFor();
    await alfaItem.getByLabel(fill(m.notes.newLabel, { name: 'Alfa' })).fill('Har brug for ro i dag');
    await alfaItem.getByRole('button', { name: m.notes.save }).click();
    await alfaItem
      .getByRole('list', { name: fill(m.notes.listLabel, { name: 'Alfa' }) })
      .getByText('Har brug for ro i dag')
      .waitFor();
    expect(await alfa.page.getByText('Har brug for ro i dag').count()).toBe(0);

    await closeSheet(mette);

    // "I think I know this person", from the help sheet: the facilitators hear of it privately.
    await openSheet(alfa, m.member.help);
    await alfa.page.getByRole('button', { name: fill(m.member.knowsLabel, { name: 'Bravo' }) }).click();
    const knows = alfa.page.getByRole('alertdialog');
    await knows.getByText(fill(m.member.knowsText, { name: 'Bravo' })).waitFor();
    await knows.getByRole('button', { name: m.member.knowsConfirm }).click();
    await knows.getByText(fill(m.member.knowsSent, { name: 'Bravo' })).waitFor();
    await knows.getByRole('button', { name: m.member.close }).click();
    await knows.waitFor({ state: 'detached' });
    await closeSheet(alfa);
    await mette.page
      .locator('.live-cues')
      .getByText(fill(m.live.safety['knows-member'], { from: 'Alfa', about: 'Bravo' }))
      .waitFor();
  });

  it('has no serious or critical axe findings on the moderation pages, in Danish and English', async () => {
    for (const [locale, text] of [
      ['da', da],
      ['en', en],
    ] as const) {
      const facilitator = await pageAs(fixture.facilitator.client, locale);
      await facilitator.page.goto(`/groups/${fixture.groupId}/moderation`);
      await expectHeading(facilitator.page, text.moderation.desk.title);
      await expectAccessible(facilitator.page, text.moderation.desk.title);
      for (const tab of [
        text.moderation.desk.tabs.members,
        text.moderation.desk.tabs.room,
        text.moderation.desk.tabs.log,
      ]) {
        await facilitator.page.getByRole('tab', { name: tab }).click();
        await facilitator.page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first().waitFor();
        await expectAccessible(facilitator.page, text.moderation.desk.title);
      }
      await facilitator.page.getByRole('list', { name: text.moderation.log.title }).waitFor();

      await facilitator.page.goto(`/groups/${fixture.groupId}/room`);
      await expectHeading(facilitator.page, text.liveRoom.title);
      await facilitator.page
        .locator('.room-bar')
        .getByRole('button', { name: new RegExp(`^${text.moderation.live.tools}`) })
        .click();
      await facilitator.page.getByRole('heading', { name: text.moderation.room.title, exact: true }).waitFor();
      await expectAccessible(facilitator.page, text.liveRoom.title);
      await facilitator.context.close();

      const member = await pageAs(alice.client, locale);
      await member.page.goto(`/groups/${fixture.groupId}/room`);
      await expectHeading(member.page, text.liveRoom.title);
      await expectAccessible(member.page, text.liveRoom.title);
      await member.page
        .locator('.room-bar')
        .getByRole('button', { name: text.moderation.member.help, exact: true })
        .click();
      await member.page.getByRole('button', { name: text.moderation.member.showHelpLines }).click();
      await member.page.getByText('Dansk Stalking Center', { exact: false }).first().waitFor();
      await expectAccessible(member.page, text.liveRoom.title);
      await member.context.close();

      const administrator = await pageAs(admin, locale);
      await administrator.page.goto('/admin/safety');
      await expectHeading(administrator.page, text.moderation.admin.title);
      await administrator.page.getByLabel(text.moderation.helpLines.field.number).first().waitFor();
      await expectAccessible(administrator.page, text.moderation.admin.title);
      await administrator.context.close();
    }
    await alice.client.patch('/auth/me', { locale: 'da' });
  });

  it('the admin edits the help lines in both languages, and members see them in their language', async () => {
    const administrator = await pageAs(admin);
    await administrator.page.goto('/admin/safety');
    await expectHeading(administrator.page, m.admin.title);
    await administrator.page.getByRole('button', { name: m.helpLines.add }).click();
    const last = administrator.page.locator('.help-line-draft').last();
    await last.getByLabel(m.helpLines.field.number).fill('70 20 12 34');
    await last.getByLabel(m.helpLines.field.nameDa).fill('Lokal krisetelefon');
    await last.getByLabel(m.helpLines.field.nameEn).fill('Local crisis line');
    await administrator.page.getByRole('button', { name: m.helpLines.save }).click();
    await administrator.page.getByText(m.helpLines.saved).waitFor();
    const saved = await admin.get('/admin/help-lines');
    expect(saved.body.lines.map((line: { number: string }) => line.number)).toContain('70 20 12 34');
    // The defaults were kept as the server had them.
    expect(saved.body.lines.map((line: { number: string }) => line.number)).toEqual(
      expect.arrayContaining(['112', '114', '25 17 73 74']),
    );
    await administrator.context.close();

    const member = await pageAs(bob.client, 'en');
    await member.page.goto(`/groups/${fixture.groupId}/room`);
    await expectHeading(member.page, en.liveRoom.title);
    await member.page
      .locator('.room-bar')
      .getByRole('button', { name: en.moderation.member.help, exact: true })
      .click();
    await member.page.getByRole('button', { name: en.moderation.member.showHelpLines }).click();
    await member.page.getByText('Local crisis line', { exact: true }).waitFor();
    await member.context.close();
    await bob.client.patch('/auth/me', { locale: 'da' });
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
