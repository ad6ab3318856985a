import { createGroupFixture, referNewParticipant } from '../support/groups';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

describe('referral secrets at rest (attacks on a stolen database)', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('keeps no referral code, client reference, note or keep-apart value in plain text', async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const fixture = await createGroupFixture(app, admin, { name: 'Kanariefuglen' });
    const secrets = {
      clientReference: 'Sagsnummer KX-77812',
      note: 'Hun bor på Ribevej og arbejder om natten',
      keepApart: 'Torben Mikkelsen-Vandt',
      keepApartCpr: '290467-1113',
    };
    const issued = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: secrets.clientReference,
      noteForFacilitator: secrets.note,
      keepApart: [secrets.keepApart, secrets.keepApartCpr],
    });
    expect(issued.status).toBe(201);
    const unused = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });

    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    // The scan works: the group name is stored in plain text on purpose.
    expect(containsText(bytes, 'Kanariefuglen')).toBe(true);
    for (const code of [issued.body.code, unused.body.code]) {
      expect(containsText(bytes, code)).toBe(false);
      expect(containsText(bytes, code.replace(/-/g, ''))).toBe(false);
    }
    expect(containsText(bytes, secrets.clientReference)).toBe(false);
    expect(containsText(bytes, 'KX-77812')).toBe(false);
    expect(containsText(bytes, secrets.note)).toBe(false);
    expect(containsText(bytes, 'Ribevej')).toBe(false);
    expect(containsText(bytes, 'Torben')).toBe(false);
    expect(containsText(bytes, 'torbenmikkelsenvandt')).toBe(false);
    expect(containsText(bytes, secrets.keepApartCpr)).toBe(false);
    expect(containsText(bytes, '2904671113')).toBe(false);
  });

  it('refuses to decrypt a note moved to another referral instead of showing it', async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const fixture = await createGroupFixture(app, admin);
    const first = await referNewParticipant(app, fixture, { note: 'Note om den første' });
    const second = await referNewParticipant(app, fixture, { note: 'Note om den anden' });
    const [a] = await app.dataSource.query('SELECT note_sealed FROM referrals WHERE id = ?', [first.referralId]);
    const [b] = await app.dataSource.query('SELECT note_sealed FROM referrals WHERE id = ?', [second.referralId]);
    await app.dataSource.query('UPDATE referrals SET note_sealed = ? WHERE id = ?', [b.note_sealed, first.referralId]);
    await app.dataSource.query('UPDATE referrals SET note_sealed = ? WHERE id = ?', [a.note_sealed, second.referralId]);
    for (const [person, other] of [
      [first, 'anden'],
      [second, 'første'],
    ] as const) {
      const res = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members/${person.memberId}`);
      expect(res.status).toBe(200);
      expect(res.body.referralNote).toBeNull();
      expect(res.text).not.toContain(other);
    }
  });
});
