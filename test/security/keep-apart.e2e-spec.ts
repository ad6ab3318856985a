import { createGroupFixture, referNewParticipant, type GroupFixture } from '../support/groups';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

describe('keep apart (attacks)', () => {
  let app: TestApp;
  let admin: Client;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterAll(() => app.close());

  async function approve(fixture: GroupFixture, memberId: string) {
    return fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${memberId}/approve`);
  }

  it('refuses to approve someone on an approved member’s keep-apart list, however the name is written', async () => {
    const group = await createGroupFixture(app, admin);
    const victim = await referNewParticipant(app, group, { clientReference: 'Hanne Ølgaard', keepApart: ['Jens Søren Hansen', '010203-1234'] });
    expect((await approve(group, victim.memberId)).status).toBe(200);
    const stalker = await referNewParticipant(app, group, { clientReference: 'JENS-SØREN  hansen' });
    const refused = await approve(group, stalker.memberId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('KEEP_APART');
    // The answer names nobody.
    expect(refused.text).not.toContain(victim.memberId);
    expect(refused.text).not.toContain('Hanne');
    // Still pending; the facilitator may decline.
    const members = await group.facilitator.client.get(`/groups/${group.groupId}/members`);
    expect(members.body.items.find((m: { memberId: string }) => m.memberId === stalker.memberId).status).toBe('pending');
    // Both coordinators are told: their referral shows the match, and the audit trail has it.
    const referrals = await group.coordinator.client.get('/referrals');
    const flagged = referrals.body.items.filter((r: { keepApartMatch: boolean }) => r.keepApartMatch).map((r: { id: string }) => r.id);
    expect(flagged.sort()).toEqual([victim.referralId, stalker.referralId].sort());
    const notices = await group.coordinator.client.get('/me/notifications');
    expect(notices.body.items.map((n: { kind: string }) => n.kind)).toEqual(['keep-apart-match', 'keep-apart-match']);
    expect(notices.text).not.toContain('Hanne');
    expect(notices.text).not.toContain('Jens');
    const audit = await admin.get('/admin/audit?type=keep-apart.matched');
    expect(audit.body.items.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([victim.referralId, stalker.referralId].sort());
  });

  it('refuses the reverse: the newcomer’s keep-apart list names an approved member (CPR with or without dash)', async () => {
    const group = await createGroupFixture(app, admin);
    const member = await referNewParticipant(app, group, { clientReference: '0102031234' });
    expect((await approve(group, member.memberId)).status).toBe(200);
    const newcomer = await referNewParticipant(app, group, { clientReference: 'Anna', keepApart: ['010203-1234'] });
    expect((await approve(group, newcomer.memberId)).body.code).toBe('KEEP_APART');
    const unrelated = await referNewParticipant(app, group, { clientReference: 'Birthe', keepApart: ['Someone Else'] });
    expect((await approve(group, unrelated.memberId)).status).toBe(200);
  });
});
