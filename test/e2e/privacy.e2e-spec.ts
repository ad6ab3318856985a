import { addApprovedParticipant, createGroupFixture, type GroupFixture } from '../support/groups';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';
import { referNewParticipant } from '../support/groups';
import { DeclinedAccountsJob } from '../../api/src/modules/privacy/declined-accounts.job';
import { PURGE_AFTER_END_MS, SessionsService } from '../../api/src/modules/auth/sessions.service';

describe('privacy rights: export and delete', () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin);
  });
  afterAll(() => app.close());

  it('exports my account and memberships and nothing of others', async () => {
    const me = await addApprovedParticipant(app, fixture, { displayName: 'Eksportøren' });
    const other = await addApprovedParticipant(app, fixture, { displayName: 'Naboen' });
    const res = await me.client.get('/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.account).toMatchObject({ id: me.accountId, login: me.login, role: 'participant' });
    expect(res.body.memberships).toEqual([expect.objectContaining({ memberId: me.memberId, displayName: 'Eksportøren', status: 'approved' })]);
    for (const foreign of [other.login, other.accountId, other.memberId, 'Naboen', fixture.facilitator.id]) expect(res.text).not.toContain(foreign);
  });

  it('deletes the account for good: login fails, sessions end, no login or display name left in the database', async () => {
    const leaving = await addApprovedParticipant(app, fixture, { login: 'forsvind.helt', displayName: 'Skyggefugl' });
    const second = new Client(app.url);
    await second.post('/auth/login', { login: leaving.login, password: leaving.password });
    expect((await leaving.client.delete('/me', { password: 'wrong password' })).status).toBe(401);
    const deleted = await leaving.client.delete('/me', { password: leaving.password });
    expect(deleted.status).toBe(204);
    expect((await leaving.client.get('/auth/me')).status).toBe(401);
    expect((await second.get('/auth/me')).status).toBe(401);
    const login = await new Client(app.url).post('/auth/login', { login: leaving.login, password: leaving.password });
    expect(login.status).toBe(401);
    // The coordinator's record stays, without the link to the person.
    const referral = (await fixture.coordinator.client.get('/referrals')).body.items.find((r: { id: string }) => r.id === leaving.referralId);
    expect(referral.status).toBe('approved');
    // The audit trail keeps the actions, but not the person's ids.
    const audit = await admin.get('/admin/audit');
    expect(audit.text).not.toContain(leaving.accountId);
    expect(audit.text).not.toContain(leaving.memberId);
    expect(audit.body.items.map((e: { type: string }) => e.type)).toContain('account.deleted');

    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    const stillThere = (await fixture.facilitator.client.get(`/groups/${fixture.groupId}/members`)).body.items[1].displayName as string;
    expect(containsText(bytes, stillThere)).toBe(true); // the scan finds a display name that was not deleted
    expect(containsText(bytes, 'forsvind.helt')).toBe(false);
    expect(containsText(bytes, 'Skyggefugl')).toBe(false);
    expect(containsText(bytes, 'skyggefugl')).toBe(false);
  });

  it('lets a member leave a group', async () => {
    const member = await addApprovedParticipant(app, fixture);
    expect((await member.client.delete(`/groups/${fixture.groupId}/membership`)).status).toBe(204);
    expect((await member.client.get(`/groups/${fixture.groupId}`)).status).toBe(404);
    const me = await member.client.get('/auth/me');
    expect(me.body.memberships[0].status).toBe('left');
  });

  it('lets a member change their pseudonym, but not to their login or a taken name', async () => {
    const member = await addApprovedParticipant(app, fixture, { displayName: 'Gammelt Navn' });
    const renamed = await member.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'Nyt Navn', showGroupName: true });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ displayName: 'Nyt Navn', showGroupName: true });
    expect((await member.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: member.login })).status).toBe(400);
    expect((await member.client.patch(`/groups/${fixture.groupId}/membership`, { displayName: 'mette' })).status).toBe(409);
  });

  it('deletes a participant declined everywhere who has not signed in for 30 days, and no one else', async () => {
    const declined = await referNewParticipant(app, fixture, { login: 'afvist.person' });
    const declinedButActive = await referNewParticipant(app, fixture, { login: 'afvist.aktiv' });
    const pending = await referNewParticipant(app, fixture, { login: 'venter.stadig' });
    for (const p of [declined, declinedButActive]) {
      expect((await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${p.memberId}/decline`)).status).toBe(200);
    }
    const job = app.app.get(DeclinedAccountsJob);
    expect(await job.run()).toBe(0);
    app.clock.advance(29 * 24 * 60 * 60_000);
    try {
      await new Client(app.url).post('/auth/login', { login: declinedButActive.login, password: declinedButActive.password });
      app.clock.advance(2 * 24 * 60 * 60_000);
      expect(await job.run()).toBe(1);
      const left = await app.dataSource.query('SELECT login FROM accounts WHERE login IN (?, ?, ?)', [declined.login, declinedButActive.login, pending.login]);
      expect(left.map((r: { login: string }) => r.login).sort()).toEqual([declinedButActive.login, pending.login].sort());
    } finally {
      app.clock.reset();
    }
  });

  it('purges sessions past their idle end without waiting for their cookie', async () => {
    const member = await addApprovedParticipant(app, fixture);
    const count = async () => Number((await app.dataSource.query('SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?', [member.accountId]))[0].n);
    expect(await count()).toBe(1);
    try {
      // Ended 30 s ago: left to the session sweep, which tells its sockets `expired` first.
      app.clock.advance(30.5 * 60_000);
      await app.app.get(SessionsService).purgeExpired();
      expect(await count()).toBe(1);
      app.clock.advance(PURGE_AFTER_END_MS);
      await app.app.get(SessionsService).purgeExpired();
    } finally {
      app.clock.reset();
    }
    expect(await count()).toBe(0);
  });
});
