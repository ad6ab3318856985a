import { createGroupFixture, type GroupFixture, referNewParticipant } from '../support/groups';
import { Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/**
 * With one valid referral code, a stalker tries logins on `POST /auth/redeem` to find the victim's
 * (409 LOGIN_TAKEN for a taken one). Each such answer counts against the client's referral-code
 * throttle (20 failures an hour, shared with bad codes), so the probe stops after 20 tries.
 * Own app: the throttle is per client address, and every test here comes from 127.0.0.1.
 */
describe('redeem login probe (attack)', () => {
  let app: TestApp;
  let fixture: GroupFixture;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await createGroupFixture(app, await signInAdmin(app));
  });
  afterAll(() => app.close());

  it('counts LOGIN_TAKEN with bad codes, and refuses the 21st try with 429 while the code stays unused', async () => {
    const victim = await referNewParticipant(app, fixture);
    const issued = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    const redeem = (code: string, login: string) =>
      new Client(app.url).post('/auth/redeem', {
        code,
        login,
        password: 'a long enough password',
        displayName: `Prober ${login.length}`,
      });

    expect((await redeem('ABCD-EFGH-JKMN-PQRS-TUVW', 'probe.zero')).body.code).toBe('INVALID_CODE');
    for (let i = 0; i < 19; i++) {
      const probe = await redeem(issued.body.code, i % 2 === 0 ? victim.login : 'root.admin');
      expect([probe.status, probe.body.code]).toEqual([409, 'LOGIN_TAKEN']);
    }
    // 20 failures: the next try, even a good one, waits.
    const blocked = await redeem(issued.body.code, 'a.fresh.login');
    expect([blocked.status, blocked.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const referrals = await fixture.coordinator.client.get('/referrals');
    expect(referrals.body.items.find((r: { id: string }) => r.id === issued.body.referral.id).status).toBe('issued');
  });
});
