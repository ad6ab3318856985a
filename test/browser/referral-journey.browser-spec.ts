import type { BrowserContext, Download, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@tryg/shared';
import da from '../../web/src/lib/i18n/da.json';
import en from '../../web/src/lib/i18n/en.json';
import {
  expectAccessible,
  expectHeading,
  signInThroughPage,
  startBrowserSuite,
  type BrowserSuite,
  type PageOptions,
  downloadedBytes,
} from '../support/browser';
import { addApprovedParticipant, createGroupFixture, referNewParticipant } from '../support/groups';
import { ADMIN, Client, createStaff, signIn, signInAdmin, tokenOf } from '../support/test-app';

type Texts = typeof da;
const LANGUAGES = [
  { name: 'Danish', locale: 'da-DK', lang: 'da', text: da },
  { name: 'English', locale: 'en-GB', lang: 'en', text: en },
] as const;

// Each test walks several people through several pages in one Chromium.
jest.setTimeout(180_000);

/** i18next's `{{name}}` placeholders, filled as the page fills them. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => String(values[key]));
}

async function downloadedText(download: Download): Promise<string> {
  return (await downloadedBytes(download)).toString('utf8');
}

describe('referral journey in the browser (issue 3)', () => {
  let suite: BrowserSuite;
  let admin: Client;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    admin = await signInAdmin(suite.app);
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** A browser context signed in with an API client's session (its cookie, as the server set it). */
  async function pageAs(client: Client, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await suite.newPage(options);
    await opened.context.addCookies([
      { name: SESSION_COOKIE, value: tokenOf(client), url: suite.app.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    return opened;
  }

  /** The code shown once on the referrals page, as the canonical `XXXX-XXXX-…`. */
  async function shownCode(page: Page): Promise<string> {
    const text = (await page.locator('.code-display').innerText()).trim();
    const groups = text.split(/\s+/);
    expect(groups).toHaveLength(5);
    for (const group of groups) expect(group).toMatch(/^[A-HJ-NP-Z2-9]{4}$/);
    return groups.join('-');
  }

  it('coordinator refers through the page, a new person joins and saves the recovery codes, the facilitator approves, the participant sees the group', async () => {
    const t = da.referralJourney;
    const groupName = unique('Tirsdagsgruppen ');
    const note = 'Foretrækker at starte stille.';
    const reference = unique('Sag ');
    const coordinator = await createStaff(suite.app, admin, 'coordinator', unique('coord.'));
    const facilitator = await createStaff(suite.app, admin, 'facilitator', unique('fac.'), undefined, 'Mette');

    // Admin: creates the group and assigns the facilitator through the pages.
    const { page: adminPage } = await suite.newPage();
    await signInThroughPage(adminPage, ADMIN.login, ADMIN.password);
    await expectHeading(adminPage, da.home.title);
    await adminPage.getByRole('link', { name: t.groups.homeLink, exact: true }).click();
    await expectHeading(adminPage, t.groups.title);
    await adminPage.locator('input[name="name"]').fill(groupName);
    await adminPage.locator('input[name="capacity"]').fill('6');
    await adminPage.getByRole('button', { name: t.groups.createSubmit, exact: true }).click();
    await adminPage.getByText(fill(t.groups.created, { name: groupName })).waitFor();
    await adminPage.getByRole('link', { name: t.groups.chooseFacilitators, exact: true }).click();
    await expectHeading(adminPage, t.groups.editTitle);
    await adminPage.getByRole('button', { name: fill(t.groups.assign, { name: 'Mette' }), exact: true }).click();
    await adminPage.getByText(fill(t.groups.facilitatorOutcome.assigned, { name: 'Mette' })).waitFor();
    const groupId = new URL(adminPage.url()).pathname.split('/').pop()!;
    expect((await admin.get(`/groups/${groupId}`)).body).toMatchObject({ name: groupName, capacity: 6 });

    // Coordinator: issues a code with a note and a keep-apart entry; sees it once, copies and prints it.
    const { context: coordContext, page: coordPage } = await suite.newPage();
    await coordContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url });
    await signInThroughPage(coordPage, coordinator.login, coordinator.password);
    await expectHeading(coordPage, da.home.title);
    await coordPage.getByRole('link', { name: t.referrals.homeLink, exact: true }).click();
    await expectHeading(coordPage, t.referrals.title);
    await coordPage.getByLabel(t.referrals.fields.group, { exact: true }).selectOption({ label: groupName });
    await coordPage.locator('input[name="clientReference"]').fill(reference);
    await coordPage.locator('textarea[name="noteForFacilitator"]').fill(note);
    await coordPage.locator('textarea[name="keepApart"]').fill('Jens Hansen');
    await coordPage.getByRole('button', { name: t.referrals.issue, exact: true }).click();
    await coordPage.getByRole('heading', { level: 3, name: t.referrals.code.title }).waitFor();
    const code = await shownCode(coordPage);

    await coordPage.getByRole('button', { name: t.referrals.code.copy, exact: true }).click();
    await coordPage.getByText(t.referrals.code.copied).waitFor();
    expect(await coordPage.evaluate(() => navigator.clipboard.readText())).toBe(code);

    // The slip names neither the group nor anything the coordinator wrote; printing shows only the slip.
    const slip = await coordPage.locator('.slip').innerText();
    expect(slip).toContain(code.split('-').join(' '));
    expect(slip).toContain(`${suite.app.url}/join`);
    for (const secret of [groupName, note, reference, 'Jens Hansen']) expect(slip).not.toContain(secret);
    await coordPage.emulateMedia({ media: 'print' });
    const printed = await coordPage.locator('body').innerText();
    expect(printed).toContain(code.split('-').join(' '));
    expect(printed).toContain(t.referrals.slip.stepCode);
    for (const hidden of [groupName, reference, t.referrals.listTitle, da.quickExit.button, da.app.name])
      expect(printed).not.toContain(hidden);
    await coordPage.emulateMedia({ media: 'screen' });
    await coordPage.locator('.item-list').getByText(t.referrals.status.issued).waitFor();

    // A new person: code (typed loosely), login, password with the strength hint, pseudonym.
    const { page: personPage } = await suite.newPage();
    await personPage.goto('/join');
    await expectHeading(personPage, t.join.title);
    await personPage.locator('input[name="code"]').fill(code.toLowerCase().replace(/-/g, ' '));
    await personPage.locator('input[name="login"]').fill('sol.vej');
    await personPage.locator('input[name="password"]').fill('kort');
    await personPage.getByText(fill(t.join.strength.tooShort_other, { count: 6 })).waitFor();
    await personPage.locator('input[name="password"]').fill('tre lange ord i træk');
    await personPage.getByText(t.join.strength.strong).waitFor();
    await personPage.locator('input[name="displayName"]').fill('Solsikke');
    await personPage.getByRole('button', { name: t.join.submit, exact: true }).click();

    await expectHeading(personPage, t.join.codes.title);
    const codes = (await personPage.locator('.recovery-list li').allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const [download] = await Promise.all([
      personPage.waitForEvent('download'),
      personPage.getByRole('button', { name: t.join.codes.download, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('codes.txt');
    const file = await downloadedText(download);
    for (const recoveryCode of codes) expect(file).toContain(recoveryCode);
    for (const secret of ['sol.vej', 'Solsikke', groupName, da.app.name]) expect(file).not.toContain(secret);
    const goOn = personPage.getByRole('button', { name: t.join.codes.continue, exact: true });
    expect(await goOn.isDisabled()).toBe(true);
    await personPage.getByLabel(t.join.codes.confirmSaved).check();
    await goOn.click();
    await expectHeading(personPage, da.home.title);
    const myGroups = personPage.getByRole('list', { name: t.myGroups.title });
    await myGroups.getByRole('heading', { level: 3, name: groupName }).waitFor();
    await myGroups.getByText(t.myGroups.status.pending).waitFor();

    // Facilitator: sees one person waiting, reads the note, approves after confirming.
    const { page: facPage } = await suite.newPage();
    await signInThroughPage(facPage, facilitator.login, facilitator.password);
    await expectHeading(facPage, da.home.title);
    await facPage.getByText(fill(da.referralJourney.intake.waiting_one, { count: 1 })).waitFor();
    // The group's card on the facilitator's home says someone waits, and leads to intake.
    await facPage
      .locator('.attention-line')
      .getByText(fill(t.intake.waiting_one, { count: 1 }))
      .waitFor();
    await facPage
      .getByRole('link', {
        name: fill(da.home.inGroup, { link: da.home.groupPages.intake, group: groupName }),
        exact: true,
      })
      .click();
    await expectHeading(facPage, t.intake.title);
    await facPage.getByRole('heading', { level: 3, name: 'Solsikke' }).waitFor();
    await facPage.getByText(note).waitFor();
    await facPage.getByRole('button', { name: t.intake.approve, exact: true }).click();
    const dialog = facPage.getByRole('alertdialog');
    await dialog.getByText(t.intake.approveText).waitFor();
    await dialog.getByRole('button', { name: t.intake.approveConfirm, exact: true }).click();
    await facPage.getByText(fill(t.intake.outcome.approved, { name: 'Solsikke' })).waitFor();
    await facPage.getByText(t.intake.nobodyWaiting).waitFor();
    const members = facPage.getByRole('list', { name: t.intake.membersTitle });
    await members.getByText(t.intake.memberStatus.approved).waitFor();

    // The participant sees the group; the coordinator sees "approved" (and never the pseudonym).
    await personPage.reload();
    await expectHeading(personPage, da.home.title);
    await myGroups.getByText(t.myGroups.status.approved).waitFor();
    await myGroups.getByRole('heading', { level: 3, name: groupName }).waitFor();
    await coordPage.goto('/referrals');
    await expectHeading(coordPage, t.referrals.title);
    await coordPage.locator('.item-list').getByText(t.referrals.status.approved).waitFor();
    expect(await coordPage.locator('main').innerText()).not.toContain('Solsikke');
    // Tabs carry neutral words only, never the group or a pseudonym.
    expect(await personPage.title()).toBe(fill(da.app.titleFormat, { page: da.titles.home }));
    expect(await facPage.title()).toBe(fill(da.app.titleFormat, { page: da.titles.newMembers }));
    // A recovery code works: the codes shown were the account's real ones.
    const recovered = await new Client(suite.app.url).post('/auth/recover', {
      login: 'sol.vej',
      recoveryCode: codes[0],
      newPassword: 'tre lange ord i træk igen',
    });
    expect(recovered.status).toBe(204);
  });

  it.each(LANGUAGES)(
    'every new page has 0 serious or critical axe findings in $name',
    async ({ locale, lang, text }) => {
      const t: Texts['referralJourney'] = text.referralJourney;
      const fixture = await createGroupFixture(suite.app, admin);
      const groupName = (await admin.get(`/groups/${fixture.groupId}`)).body.name as string;
      const groupAdmin = await createStaff(suite.app, admin, 'admin', unique(`admin.${lang}.`));
      for (const client of [groupAdmin.client, fixture.coordinator.client, fixture.facilitator.client]) {
        expect((await client.patch('/auth/me', { locale: lang })).status).toBe(200);
      }

      // Admin: the groups list with the create form, and one group's settings and facilitators.
      const { page: adminPage } = await pageAs(groupAdmin.client, { locale });
      await adminPage.goto('/admin/groups');
      await expectAccessible(adminPage, t.groups.title);
      expect(await adminPage.getAttribute('html', 'lang')).toBe(lang);
      await adminPage.goto(`/admin/groups/${fixture.groupId}`);
      await adminPage.locator('input[name="capacity"]').waitFor();
      await expectAccessible(adminPage, t.groups.editTitle);

      // Coordinator: the empty form and list, then with a code shown once.
      const { page: coordPage } = await pageAs(fixture.coordinator.client, { locale });
      await coordPage.goto('/referrals');
      await coordPage.locator('select[name="groupId"] option').nth(1).waitFor({ state: 'attached' });
      await expectAccessible(coordPage, t.referrals.title);
      await coordPage.locator('select[name="groupId"]').selectOption(fixture.groupId);
      await coordPage.getByRole('button', { name: t.referrals.issue, exact: true }).click();
      await coordPage.getByRole('heading', { level: 3, name: t.referrals.code.title }).waitFor();
      const code = await shownCode(coordPage);
      await expectAccessible(coordPage, t.referrals.title);

      // A new person: the join page, its errors, and the recovery codes.
      const { page: personPage } = await suite.newPage({ locale });
      await personPage.goto('/join');
      await expectAccessible(personPage, t.join.title);
      await personPage.getByRole('button', { name: t.join.submit, exact: true }).click();
      await personPage.locator('[data-invalid]').first().waitFor();
      await expectAccessible(personPage, t.join.title);
      await personPage.locator('input[name="code"]').fill(code);
      await personPage.locator('input[name="login"]').fill(unique(`p.${lang}.`));
      await personPage.locator('input[name="password"]').fill('a long enough password');
      await personPage.locator('input[name="displayName"]').fill(unique('Navn'));
      // Enter in the last field sends the form (a click could land where the cleared error moved the button from).
      await personPage.locator('input[name="displayName"]').press('Enter');
      await expectAccessible(personPage, t.join.codes.title);
      expect(await personPage.getAttribute('html', 'lang')).toBe(lang);
      await personPage.getByLabel(t.join.codes.confirmSaved).check();
      await personPage.getByRole('button', { name: t.join.codes.continue, exact: true }).click();

      // The participant: my groups on the home page, and export and delete on the account page.
      await personPage.getByRole('heading', { level: 2, name: t.myGroups.title }).waitFor();
      await personPage.getByText(t.myGroups.status.pending).waitFor();
      await expectAccessible(personPage, text.home.title);
      await personPage.goto('/account');
      await personPage.getByRole('heading', { level: 2, name: t.privacy.deleteTitle }).waitFor();
      await expectAccessible(personPage, text.account.title);
      await personPage.goto('/join');
      await expectAccessible(personPage, t.join.titleAnother);

      // The facilitator: their groups on the home page, and the intake page with a person waiting.
      const { page: facPage } = await pageAs(fixture.facilitator.client, { locale });
      await facPage.goto('/');
      await facPage
        .getByRole('link', {
          name: fill(text.home.inGroup, { link: text.home.groupPages.intake, group: groupName }),
          exact: true,
        })
        .waitFor();
      await expectAccessible(facPage, text.home.title);
      await facPage.goto(`/intake/${fixture.groupId}`);
      await facPage.locator('.person-card h4').waitFor();
      await expectAccessible(facPage, t.intake.title);
      await facPage.getByRole('button', { name: t.intake.decline, exact: true }).click();
      await facPage.getByRole('alertdialog').waitFor();
      await expectAccessible(facPage, t.intake.title);
    },
  );

  it('explains refusals in plain words and lets a participant manage their groups and data', async () => {
    const t = da.referralJourney;
    const fixture = await createGroupFixture(suite.app, admin, { capacity: 1 });
    const other = await createGroupFixture(suite.app, admin);
    const otherName = (await admin.get(`/groups/${other.groupId}`)).body.name as string;
    const groupName = (await admin.get(`/groups/${fixture.groupId}`)).body.name as string;

    // A made-up code and a taken login get their own calm messages; the code is not used up.
    const { page } = await suite.newPage();
    await page.goto('/join');
    await page.locator('input[name="code"]').fill('ABCD-EFGH-JKMN-PQRS-TUVW');
    await page.locator('input[name="login"]').fill(unique('p.'));
    await page.locator('input[name="password"]').fill('a long enough password');
    await page.locator('input[name="displayName"]').fill('Birk');
    await page.getByRole('button', { name: t.join.submit, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: t.join.errors.invalidCode }).waitFor();

    const issued = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    const taken = await referNewParticipant(suite.app, other);
    await page.locator('input[name="code"]').fill(issued.body.code);
    await page.locator('input[name="login"]').fill(taken.login);
    await page.getByRole('button', { name: t.join.submit, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: t.join.errors.loginTaken }).waitFor();
    const login = unique('p.');
    await page.locator('input[name="login"]').fill(login);
    await page.getByRole('button', { name: t.join.submit, exact: true }).click();
    await expectHeading(page, t.join.codes.title);
    await page.getByLabel(t.join.codes.confirmSaved).check();
    await page.getByRole('button', { name: t.join.codes.continue, exact: true }).click();
    await expectHeading(page, da.home.title);

    // Signed in: another group needs only a code and a new name (no login, no password).
    const second = await other.coordinator.client.post('/referrals', { groupId: other.groupId });
    await page.getByRole('link', { name: t.myGroups.joinAnother, exact: true }).click();
    await expectHeading(page, t.join.titleAnother);
    expect(await page.locator('input[name="login"], input[name="password"]').count()).toBe(0);
    await page.locator('input[name="code"]').fill(second.body.code);
    // The name rules are stated before anything is typed; a staff word is caught at once.
    const nameField = page.locator('input[name="displayName"]');
    expect(await page.getByText(da.form.participantNameRule, { exact: false }).count()).toBe(1);
    await nameField.fill('Facilitator');
    await page.getByRole('button', { name: t.join.submitAnother, exact: true }).click();
    await page.getByText(da.form.displayNameProblem.staffWord).waitFor();
    // A name in use (the facilitator is "Mette") gets the one "not available" message.
    // Enter in the field sends the form (a click could land where the cleared error moved the button from).
    await nameField.fill('METTE');
    await nameField.press('Enter');
    await page.getByRole('alert').filter({ hasText: t.join.errors.nameNotAvailable }).waitFor();
    await nameField.fill('Ask');
    await nameField.press('Enter');
    await expectHeading(page, t.join.joined.title);
    await page.getByRole('button', { name: t.join.joined.continue, exact: true }).click();
    const myGroups = page.getByRole('list', { name: t.myGroups.title });
    await myGroups.getByRole('heading', { level: 3, name: otherName }).waitFor();
    await myGroups.getByRole('heading', { level: 3, name: groupName }).waitFor();

    // The facilitator of the full group is told so in plain words.
    await addApprovedParticipant(suite.app, fixture);
    const { page: facPage } = await pageAs(fixture.facilitator.client);
    await facPage.goto(`/intake/${fixture.groupId}`);
    await facPage.getByRole('button', { name: t.intake.approve, exact: true }).click();
    await facPage.getByRole('alertdialog').getByRole('button', { name: t.intake.approveConfirm }).click();
    await facPage.getByRole('alert').filter({ hasText: t.intake.errors.groupFull }).waitFor();

    // Keep apart: refused with a neutral explanation; the coordinator's referral needs attention.
    await addApprovedParticipant(suite.app, other, { clientReference: '010190-1234', displayName: 'Jens' });
    await referNewParticipant(suite.app, other, { keepApart: ['0101901234'], displayName: 'Iris' });
    const { page: otherFac } = await pageAs(other.facilitator.client);
    await otherFac.goto(`/intake/${other.groupId}`);
    while ((await otherFac.getByRole('heading', { level: 3, name: 'Iris' }).count()) === 0) {
      await otherFac.getByRole('button', { name: t.intake.next, exact: true }).click();
    }
    await otherFac.getByRole('button', { name: t.intake.approve, exact: true }).click();
    await otherFac.getByRole('alertdialog').getByRole('button', { name: t.intake.approveConfirm }).click();
    const refusal = otherFac.getByRole('alert').filter({ hasText: t.intake.errors.keepApart });
    await refusal.waitFor();
    const refusalText = await refusal.innerText();
    for (const name of ['Jens', 'Iris', '010190']) expect(refusalText).not.toContain(name);
    const { page: coordPage } = await pageAs(other.coordinator.client);
    await coordPage.goto('/referrals');
    // Both referrals involved are marked (both are this coordinator's here); neither names the other person.
    await coordPage.getByText(fill(t.referrals.attention.summary_other, { count: 2 })).waitFor();
    expect(await coordPage.getByText(t.referrals.attention.mark).count()).toBe(2);
    const listText = await coordPage.getByRole('list', { name: t.referrals.listTitle }).innerText();
    for (const name of ['Jens', 'Iris']) expect(listText).not.toContain(name);

    // My groups: rename, choose what notifications say, leave.
    const mine = myGroups.getByRole('listitem').filter({ has: page.getByRole('heading', { name: otherName }) });
    await mine.locator('input[name="displayName"]').fill('Mette');
    await mine.getByRole('button', { name: t.myGroups.saveName, exact: true }).click();
    await mine.getByRole('alert').filter({ hasText: t.myGroups.errors.nameNotAvailable }).waitFor();
    await mine.locator('input[name="displayName"]').fill('Asker');
    await mine.getByRole('button', { name: t.myGroups.saveName, exact: true }).click();
    await mine.getByText(t.myGroups.renamed).waitFor();
    await mine.getByText(fill(t.myGroups.yourName, { name: 'Asker' })).waitFor();
    const participant = await signIn(suite.app, login, 'a long enough password');
    const showName = mine.getByLabel(t.myGroups.showGroupName);
    expect(await showName.isChecked()).toBe(false);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/groups/${other.groupId}/membership`) && r.request().method() === 'PATCH',
    );
    // The box follows the saved state, so it turns on only once the server has answered.
    await showName.click();
    expect((await saved).status()).toBe(200);
    await page.waitForFunction(
      (name) => (document.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.checked === true,
      await showName.getAttribute('name'),
    );
    const me = await participant.get('/auth/me');
    expect(me.body.memberships.find((m: { groupId: string }) => m.groupId === other.groupId)).toMatchObject({
      displayName: 'Asker',
      showGroupName: true,
    });
    await mine.getByRole('button', { name: t.myGroups.leave, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t.myGroups.leaveConfirm, exact: true }).click();
    await myGroups.getByText(t.myGroups.status.left).waitFor();

    // Export: a JSON file with a neutral name that holds my account and nothing of the others.
    await page.goto('/account');
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.privacy.export, exact: true }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = await downloadedText(exported);
    expect(() => JSON.parse(data)).not.toThrow();
    expect(data).toContain(login);
    for (const others of [taken.login, taken.displayName, 'Jens', 'Iris']) expect(data).not.toContain(others);

    // Delete: a wrong password is refused; the right one ends at the login page, and the login is gone.
    await page.locator('input[name="deletePassword"]').fill('not my password');
    await page.getByRole('button', { name: t.privacy.delete, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t.privacy.confirm, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: t.privacy.wrongPassword }).waitFor();
    await page.locator('input[name="deletePassword"]').fill('a long enough password');
    await page.getByRole('button', { name: t.privacy.delete, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t.privacy.confirm, exact: true }).click();
    await expectHeading(page, da.login.title);
    const again = await new Client(suite.app.url).post('/auth/login', { login, password: 'a long enough password' });
    expect(again.status).toBe(401);
  });

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(suite.offsite).toEqual([]);
  });
});
