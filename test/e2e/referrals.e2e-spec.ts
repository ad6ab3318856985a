import { createGroupFixture, referNewParticipant, type GroupFixture } from '../support/groups';
import { Client, createStaff, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

describe('referral → redeem → intake', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { capacity: 2 });
  });
  afterAll(() => app.close());

  it('takes a client from referral to approved member while the coordinator sees only the status', async () => {
    const issued = await fixture.coordinator.client.post('/referrals', {
      groupId: fixture.groupId,
      clientReference: 'Sag 2026-114',
      noteForFacilitator: 'Foretrækker at starte stille.',
    });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    expect(issued.body.referral).toMatchObject({ groupId: fixture.groupId, status: 'issued', clientReference: 'Sag 2026-114' });

    const person = new Client(app.url);
    const redeemed = await person.post('/auth/redeem', {
      code: issued.body.code.toLowerCase().replace(/-/g, ' '),
      login: 'Sol.Vej',
      password: 'a long enough password',
      displayName: 'Solsikke',
    });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.account).toMatchObject({ login: 'sol.vej', role: 'participant', locale: 'da' });
    expect(redeemed.body.membership).toMatchObject({ groupId: fixture.groupId, displayName: 'Solsikke', status: 'pending' });
    expect(redeemed.body.recoveryCodes).toHaveLength(10);
    const me = await person.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([expect.objectContaining({ memberId: redeemed.body.membership.memberId, status: 'pending' })]);

    let referrals = await fixture.coordinator.client.get('/referrals');
    expect(referrals.body.items[0]).toMatchObject({ id: issued.body.referral.id, status: 'redeemed' });
    expect(JSON.stringify(referrals.body)).not.toContain('Solsikke');
    expect(JSON.stringify(referrals.body)).not.toContain('sol.vej');

    const pending = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members`);
    expect(pending.body.items).toContainEqual({ memberId: redeemed.body.membership.memberId, displayName: 'Solsikke', role: 'member', status: 'pending' });
    const detail = await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members/${redeemed.body.membership.memberId}`);
    expect(detail.body.referralNote).toBe('Foretrækker at starte stille.');
    const audit = await admin.get('/admin/audit?type=referral-note.read');
    expect(audit.body.items).toHaveLength(1);

    const approved = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${redeemed.body.membership.memberId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', displayName: 'Solsikke', role: 'member' });
    expect((await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${redeemed.body.membership.memberId}/approve`)).status).toBe(409);

    referrals = await fixture.coordinator.client.get('/referrals');
    expect(referrals.body.items[0]).toMatchObject({ id: issued.body.referral.id, status: 'approved' });
    const told = await person.get('/me/notifications');
    expect(told.body.items).toEqual([expect.objectContaining({ kind: 'intake-approved', readAt: null })]);
    expect(told.text).not.toContain(fixture.groupId);
    const groups = await person.get('/groups');
    expect(groups.body.items.map((g: { id: string }) => g.id)).toEqual([fixture.groupId]);
  });

  it('answers a reused, expired, revoked and made-up code with the identical error', async () => {
    const reused = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    await new Client(app.url).post('/auth/redeem', { code: reused.body.code, login: 'first.user', password: 'first user password', displayName: 'Første' });
    const revoked = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    expect((await fixture.coordinator.client.post(`/referrals/${revoked.body.referral.id}/revoke`)).status).toBe(200);
    const expired = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId, expiresInDays: 1 });
    const coordinator = await createStaff(app, admin, 'coordinator', 'coord.expiry');
    app.clock.advance(24 * 60 * 60 * 1000 + 1000);
    try {
      const attempts = [reused.body.code, revoked.body.code, expired.body.code, 'ABCD-EFGH-JKLM-NPQR-STUV'];
      const answers = [];
      for (const [i, code] of attempts.entries()) {
        answers.push(await new Client(app.url).post('/auth/redeem', { code, login: `try.${i}`, password: 'some password 123', displayName: `Prøve ${i}` }));
      }
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.text).toBe(answers[0].text);
      }
      expect(answers[0].body.code).toBe('INVALID_CODE');
      // Signed in a day later (the earlier sessions stay untouched, so they do not idle out).
      const later = await signIn(app, coordinator.login, coordinator.password);
      const mine = await later.post('/referrals', { groupId: fixture.groupId, expiresInDays: 1 });
      app.clock.advance(24 * 60 * 60 * 1000 + 1000);
      const later2 = await signIn(app, coordinator.login, coordinator.password);
      const statuses = (await later2.get('/referrals')).body.items.map((r: { id: string; status: string }) => [r.id, r.status]);
      expect(statuses).toEqual([[mine.body.referral.id, 'expired']]);
    } finally {
      app.clock.reset();
    }
  });

  it('keeps the code when a redeem is refused because the login is taken', async () => {
    const issued = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    const taken = await new Client(app.url).post('/auth/redeem', { code: issued.body.code, login: 'sol.vej', password: 'another password', displayName: 'Anden' });
    expect(taken.body).toEqual(expect.objectContaining({ code: 'LOGIN_TAKEN' }));
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('LOGIN_TAKEN');
    const again = await new Client(app.url).post('/auth/redeem', { code: issued.body.code, login: 'free.login', password: 'another password', displayName: 'Anden' });
    expect(again.status).toBe(201);
  });

  it('enforces the group capacity at approval', async () => {
    const small = await createGroupFixture(app, admin, { capacity: 1 });
    const first = await referNewParticipant(app, small);
    const second = await referNewParticipant(app, small);
    expect((await small.facilitator.client.post(`/groups/${small.groupId}/members/${first.memberId}/approve`)).status).toBe(200);
    const full = await small.facilitator.client.post(`/groups/${small.groupId}/members/${second.memberId}/approve`);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('GROUP_FULL');
    const declined = await small.facilitator.client.post(`/groups/${small.groupId}/members/${second.memberId}/decline`);
    expect(declined.body.status).toBe('declined');
  });

  it('lets a signed-in participant join a second group under another name, but never twice the same group', async () => {
    const other = await createGroupFixture(app, admin);
    const person = await referNewParticipant(app, fixture);
    const code2 = (await other.coordinator.client.post('/referrals', { groupId: other.groupId })).body.code;
    const joined = await person.client.post('/auth/redeem', { code: code2, displayName: 'Andet navn' });
    expect(joined.status).toBe(201);
    expect(joined.body.recoveryCodes).toEqual([]);
    expect(joined.body.account.id).toBe(person.accountId);
    expect(joined.body.membership.memberId).not.toBe(person.memberId);
    const code3 = (await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId })).body.code;
    const twice = await person.client.post('/auth/redeem', { code: code3, displayName: 'Tredje' });
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('INVALID_CODE');
  });

  it('refuses a display name already used in the group, ignoring case and accents', async () => {
    await referNewParticipant(app, fixture, { displayName: 'Åse' });
    const code = (await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId })).body.code;
    const clash = await new Client(app.url).post('/auth/redeem', { code, login: 'ase.two', password: 'ase two password', displayName: 'ase' });
    expect(clash.status).toBe(409);
  });
});
