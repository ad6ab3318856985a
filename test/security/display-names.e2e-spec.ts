import type { Response } from 'supertest';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { addApprovedParticipant, createGroupFixture, type GroupFixture } from '../support/groups';
import { Client, createStaff, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 24 * 60 * 60_000;

/**
 * A stalker inside a group tries to pass for a facilitator or for another member by name, or to
 * learn from a name conflict who is still there (CONTRACT "Who may listen": display names).
 */
describe('display names (attacks)', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { capacity: 200 });
  });
  afterAll(() => app.close());

  const membership = (groupId = fixture.groupId) => `/groups/${groupId}/membership`;

  async function issueCode(group: GroupFixture = fixture): Promise<string> {
    const issued = await group.coordinator.client.post('/referrals', { groupId: group.groupId });
    expect(issued.status).toBe(201);
    return issued.body.code as string;
  }

  let logins = 0;
  function redeem(code: string, displayName: string): Promise<Response> {
    const login = `navn.${Date.now().toString(36)}.${logins++}`;
    return new Client(app.url).post('/auth/redeem', { code, login, password: `${login}-secret-pw`, displayName });
  }

  function expectNameRefused(res: Response, status: 400 | 409): void {
    expect({ status: res.status, code: res.body.code }).toEqual({
      status,
      code: status === 400 ? 'VALIDATION' : 'CONFLICT',
    });
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'displayName' })]);
  }

  const tricks: Record<string, string> = {
    'a zero-width space': 'Fac\u200Bilitator',
    'a zero-width joiner': 'Me\u200Dtte',
    'a Cyrillic look-alike letter': 'M\u0435tte',
    'a Greek look-alike letter': '\u039Fle',
    'a bidi override': 'Ev\u202Eli',
    'a bidi isolate': 'Ev\u2067li',
    'a newline': 'Anna\nFacilitator',
    'a trailing newline': 'Anna\n',
    'a NUL': 'Anna\u0000',
    'a private-use character': 'Anna\uE000',
    'mixed scripts (Latin and Cyrillic words)': 'Anna Мария',
    'a symbol': 'Anna ✔',
  };

  describe('the form of a name', () => {
    it.each(Object.entries(tricks))(
      'refuses a name with %s on redeem (400) and leaves the code unused',
      async (_trick, name) => {
        const code = await issueCode();
        expectNameRefused(await redeem(code, name), 400);
        expect((await redeem(code, `Ren ${logins}`)).status).toBe(201);
      },
    );

    it.each(Object.entries(tricks))(
      'refuses a rename to a name with %s (400) and keeps the old name',
      async (_trick, name) => {
        const member = await addApprovedParticipant(app, fixture);
        expectNameRefused(await member.client.patch(membership(), { displayName: name }), 400);
        const me = await member.client.get('/auth/me');
        expect(me.body.memberships.find((m: { memberId: string }) => m.memberId === member.memberId).displayName).toBe(
          member.displayName,
        );
      },
    );

    it('refuses the tricks in staff names too (staff account and facilitator assignment)', async () => {
      for (const name of [
        tricks['a zero-width space'],
        tricks['a bidi override'],
        tricks['a Cyrillic look-alike letter'],
      ]) {
        const login = `staff.${Date.now().toString(36)}.${logins++}`;
        expectNameRefused(
          await admin.post('/admin/staff', {
            login,
            password: `${login}-password`,
            role: 'facilitator',
            displayName: name,
          }),
          400,
        );
      }
      const facilitator = await createStaff(app, admin, 'facilitator', `fac.tricks.${Date.now().toString(36)}`);
      const group = await admin.post('/groups', { name: 'Tricks', capacity: 4 });
      expectNameRefused(
        await admin.post(`/groups/${group.body.id}/facilitators`, {
          accountId: facilitator.id,
          displayName: 'Fac\u2066ilitator',
        }),
        400,
      );
    });

    it('stores the name composed (NFC) and with one space', async () => {
      const member = await addApprovedParticipant(app, fixture);
      const res = await member.client.patch(membership(), { displayName: '  A\u030Asa   Lund ' });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe('\u00C5sa Lund');
    });
  });

  describe('staff words', () => {
    const staffLike = [
      'Facilitator',
      'FACILITATOR',
      'facilitator anna',
      'Anna Moderator',
      'Fäcilitätor',
      'Faci1itator',
      'Moderat0r',
      'ADMlN',
      'Adrnin',
      'Tryg',
      'Ordstyreren',
      'Koordinator-Bo',
      'Staff.A',
      'Personale',
    ];

    it.each(staffLike)('refuses "%s" for a participant on redeem and on rename (400)', async (name) => {
      expectNameRefused(await redeem(await issueCode(), name), 400);
      const member = await addApprovedParticipant(app, fixture);
      expectNameRefused(await member.client.patch(membership(), { displayName: name }), 400);
    });

    it('refuses a staff word spelt with a Cyrillic letter (one script per name)', async () => {
      expectNameRefused(await redeem(await issueCode(), 'F\u0430cilitator'), 400);
    });

    it('lets staff carry staff words, since the role badge tells them apart', async () => {
      const staff = await createStaff(
        app,
        admin,
        'facilitator',
        `fac.words.${Date.now().toString(36)}`,
        undefined,
        'Facilitator Bo',
      );
      const group = await admin.post('/groups', { name: 'Staff words', capacity: 4 });
      const assigned = await admin.post(`/groups/${group.body.id}/facilitators`, {
        accountId: staff.id,
        displayName: 'Moderator Bo',
      });
      expect(assigned.status).toBe(201);
      expect(assigned.body.displayName).toBe('Moderator Bo');
    });
  });

  describe('another member’s name', () => {
    it('refuses a name that only looks like the facilitator’s or a member’s (case, accents, look-alikes, separators)', async () => {
      const anna = await addApprovedParticipant(app, fixture, { displayName: 'Anna K' });
      const other = await addApprovedParticipant(app, fixture);
      // The fixture's facilitator is "Mette".
      for (const name of ['METTE', 'Mëtte', 'rnette', 'anna k', 'Anna-K.', 'ANNA K']) {
        expectNameRefused(await other.client.patch(membership(), { displayName: name }), 409);
      }
      expect((await other.client.patch(membership(), { displayName: 'Anne K' })).status).toBe(200);
      // One's own name in another case is fine.
      expect((await anna.client.patch(membership(), { displayName: 'ANNA K' })).status).toBe(200);
    });
  });

  describe('departed members’ names', () => {
    async function departedName(
      how: 'left' | 'removed' | 'banned' | 'deleted',
      group: GroupFixture = fixture,
    ): Promise<string> {
      const displayName = `Afrejst ${how} ${logins++}`;
      const member = await addApprovedParticipant(app, group, { displayName });
      const path = `/groups/${group.groupId}/members/${member.memberId}`;
      const res =
        how === 'left'
          ? await member.client.delete(membership(group.groupId))
          : how === 'deleted'
            ? await member.client.delete('/me', { password: member.password })
            : await group.facilitator.client.post(`${path}/${how === 'removed' ? 'remove' : 'ban'}`, {
                reason: 'test',
              });
      expect(res.status).toBeLessThan(300);
      return displayName;
    }

    it.each(['left', 'removed', 'banned', 'deleted'] as const)(
      'keeps the name of a member who %s reserved, on redeem and rename',
      async (how) => {
        const name = await departedName(how);
        expectNameRefused(await redeem(await issueCode(), name), 409);
        const member = await addApprovedParticipant(app, fixture);
        expectNameRefused(await member.client.patch(membership(), { displayName: name.toUpperCase() }), 409);
      },
    );

    it('gives a member who left their name back when they return', async () => {
      const member = await addApprovedParticipant(app, fixture, { displayName: 'Vender Tilbage' });
      expect((await member.client.delete(membership())).status).toBe(204);
      const back = await member.client.post('/auth/redeem', { code: await issueCode(), displayName: 'Vender Tilbage' });
      expect(back.status).toBe(201);
    });

    it('answers a taken name, a reserved name and a hidden member’s name byte for byte alike', async () => {
      const present = await addApprovedParticipant(app, fixture, { displayName: 'Til Stede' });
      const hidden = await addApprovedParticipant(app, fixture, { displayName: 'Skjult Her' });
      const departed = await departedName('left');
      const asker = await addApprovedParticipant(app, fixture);
      const flagged = await asker.client.post(`/groups/${fixture.groupId}/safety`, {
        kind: 'knows-member',
        aboutMemberId: hidden.memberId,
      });
      expect(flagged.status).toBe(201);

      const answers = [];
      for (const name of [present.displayName, hidden.displayName, departed]) {
        const res = await asker.client.patch(membership(), { displayName: name });
        answers.push({
          status: res.status,
          type: res.headers['content-type'],
          length: res.headers['content-length'],
          text: res.text,
        });
      }
      expect(answers[0].status).toBe(409);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      // The same on redeem, where a code holder could otherwise probe who is in the group.
      const onRedeem = [];
      for (const name of [present.displayName, departed]) onRedeem.push((await redeem(await issueCode(), name)).text);
      expect(onRedeem[1]).toBe(onRedeem[0]);
      // And the answer names nobody.
      expect(answers[0].text).not.toContain('Til Stede');
    });

    it('keeps no departed name in the database, only a keyed hash', async () => {
      const group = await createGroupFixture(app, admin, { name: 'Kanariefugl gruppe' });
      const member = await addApprovedParticipant(app, group, { displayName: 'Skyggefugl' });
      expect((await member.client.delete('/me', { password: member.password })).status).toBe(204);
      expectNameRefused(await redeem(await issueCode(group), 'Skyggefugl'), 409);
      const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
      // The scan works: it finds the group's name, stored in plain text on purpose.
      expect(containsText(bytes, 'Kanariefugl gruppe')).toBe(true);
      expect(containsText(bytes, 'Skyggefugl')).toBe(false);
      expect(containsText(bytes, 'skyggefugl')).toBe(false);
      const rows = await app.dataSource.query(
        'SELECT name_hash, membership_id FROM display_name_reservations WHERE group_id = ?',
        [group.groupId],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row).toEqual({ name_hash: expect.stringMatching(/^[0-9a-f]{64}$/), membership_id: null });
    });

    it('frees the name after the group’s retention period, and the hourly job purges the reservation', async () => {
      const group = await createGroupFixture(app, admin, { retentionDays: 1 });
      const name = await departedName('left', group);
      const code = await issueCode(group);
      const count = async () =>
        Number(
          (
            await app.dataSource.query('SELECT COUNT(*) AS n FROM display_name_reservations WHERE group_id = ?', [
              group.groupId,
            ])
          )[0].n,
        );
      expect(await count()).toBeGreaterThan(0);
      app.clock.advance(DAY_MS + 60 * 60_000);
      try {
        expect(await app.app.get(JobScheduler).tick()).toContain('reserved-names-purge');
        expect(await count()).toBe(0);
        expect((await redeem(code, name)).status).toBe(201);
        // Another group's longer retention still holds its reservations.
        const longer = await app.dataSource.query(
          'SELECT COUNT(*) AS n FROM display_name_reservations WHERE group_id = ?',
          [fixture.groupId],
        );
        expect(Number(longer[0].n)).toBeGreaterThan(0);
      } finally {
        app.clock.reset();
      }
    });
  });
});
