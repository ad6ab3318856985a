import type { Page } from 'playwright-core';
import da from '../../web/src/lib/i18n/da.json';
import { startMeetingNow } from '../support/chat-fixtures';
import {
  expectAccessible,
  fillTemplate,
  pageWithSession,
  startBrowserSuite,
  type BrowserSuite,
} from '../support/browser';
import { addApprovedParticipant, createGroupFixture } from '../support/groups';
import { signInAdmin } from '../support/test-app';

jest.setTimeout(120_000);

const t = da.talkingOrder;
const room = da.liveRoom;

/**
 * Issue 15 in the browser: a facilitator runs a quiet check-in round with two participants in two
 * browsers; each sees whose turn it is, the waiting one's composer says so, and the room with a
 * round running has no serious or critical axe findings.
 */
describe('talking order in the browser', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('runs a quiet check-in round: each sees whose turn it is, and the waiting composer says so', async () => {
    const admin = await signInAdmin(suite.app);
    const fixture = await createGroupFixture(suite.app, admin);
    const alfa = await addApprovedParticipant(suite.app, fixture, { displayName: 'Alfa' });
    const bravo = await addApprovedParticipant(suite.app, fixture, { displayName: 'Bravo' });
    await startMeetingNow(suite.app, fixture);
    const roomPath = `/groups/${fixture.groupId}/room`;
    const open = async (client: typeof alfa.client): Promise<Page> => {
      const { page } = await pageWithSession(suite, client, { viewport: { width: 390, height: 844 } });
      await page.goto(`${suite.app.url}${roomPath}`);
      await page.getByRole('heading', { level: 1, name: room.title, exact: true }).waitFor();
      return page;
    };
    const facilitator = await open(fixture.facilitator.client);
    const alfaPage = await open(alfa.client);
    const bravoPage = await open(bravo.client);

    // The facilitator starts a quiet check-in from the talking-order sheet, in the order people came.
    await facilitator.getByRole('button', { name: t.controls, exact: true }).click();
    await facilitator.getByLabel(t.quietLabel).check();
    const started = facilitator.waitForResponse((res) => res.url().endsWith('/rounds') && res.status() === 201);
    await facilitator.getByRole('button', { name: t.startCheckIn, exact: true }).click();
    const floor = (await (await started).json()) as { speaking: string };
    await facilitator.keyboard.press('Escape');

    const [speaker, waiting, speakerName] =
      floor.speaking === alfa.memberId ? [alfaPage, bravoPage, 'Alfa'] : [bravoPage, alfaPage, 'Bravo'];
    // The speaker is told it is their turn (on screen, and once to screen readers).
    await speaker.getByText(t.yourTurn, { exact: true }).waitFor();
    await speaker
      .locator('[aria-live="assertive"]')
      .getByText(t.yourTurnNow, { exact: true })
      .waitFor({ state: 'attached' });
    // The other sees who speaks, and their composer says whose turn it is instead of failing on send.
    await waiting.locator('.floor-bar').getByText(speakerName, { exact: true }).waitFor();
    await waiting.getByText(fillTemplate(t.quietComposer, { name: speakerName }), { exact: true }).waitFor();
    // The waiting one may write a draft meanwhile; it goes when their turn comes.
    await waiting.getByRole('textbox', { name: room.composer.label }).fill('Jeg har det bedre i dag.');
    expect(await waiting.getByRole('button', { name: room.composer.send, exact: true }).isDisabled()).toBe(true);
    await speaker.getByRole('textbox', { name: room.composer.label }).fill('Jeg er træt, men glad for at være her.');
    expect(await speaker.getByRole('button', { name: room.composer.send, exact: true }).isDisabled()).toBe(false);

    await expectAccessible(waiting, room.title);
    await expectAccessible(facilitator, room.title);

    // "I'm done" passes the turn on: now the other one may write.
    await speaker.getByRole('button', { name: t.doneOrPass, exact: true }).click();
    await waiting.getByText(t.yourTurn, { exact: true }).waitFor();
    await waiting.getByRole('button', { name: room.composer.send, exact: true }).click();
    await speaker.getByText('Jeg har det bedre i dag.', { exact: true }).waitFor();
  });
});
