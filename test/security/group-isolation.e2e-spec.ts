import { addApprovedParticipant, createGroupFixture, referNewParticipant, type GroupFixture, type Participant } from '../support/groups';
import { Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/** Every group route a participant might call, with a body where it needs one. */
function groupRoutes(groupId: string, memberId: string) {
  return [
    ['get', `/groups/${groupId}`],
    ['patch', `/groups/${groupId}`, { name: 'Ny' }],
    ['get', `/groups/${groupId}/members`],
    ['get', `/groups/${groupId}/members/${memberId}`],
    ['post', `/groups/${groupId}/members/${memberId}/approve`],
    ['post', `/groups/${groupId}/members/${memberId}/decline`],
    ['delete', `/groups/${groupId}/membership`],
    ['patch', `/groups/${groupId}/membership`, { displayName: 'Nyt navn' }],
    ['post', `/groups/${groupId}/facilitators`, { accountId: memberId }],
    ['delete', `/groups/${groupId}/facilitators/${memberId}`],
  ] as const;
}

describe('group isolation and pseudonymity (attacks)', () => {
  let app: TestApp;
  let admin: Client;
  let groupA: GroupFixture;
  let groupB: GroupFixture;
  let alice: Participant;
  let bob: Participant;
  let carl: Participant;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    groupA = await createGroupFixture(app, admin);
    groupB = await createGroupFixture(app, admin);
    alice = await addApprovedParticipant(app, groupA, { displayName: 'Alfa' });
    bob = await addApprovedParticipant(app, groupB, { displayName: 'Beta' });
    carl = await addApprovedParticipant(app, groupA, { displayName: 'Gamma' });
  });
  afterAll(() => app.close());

  it("answers 404 to a participant of group A for every route of group B, with the body of a missing group", async () => {
    const missing = await alice.client.get('/groups/00000000-0000-4000-8000-000000000000');
    for (const [method, path, body] of groupRoutes(groupB.groupId, bob.memberId)) {
      const res = await alice.client[method](path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
      expect(res.text).toBe(missing.text);
    }
    const list = await alice.client.get('/groups');
    expect(list.body.items.map((g: { id: string }) => g.id)).toEqual([groupA.groupId]);
  });

  it('answers 403 (not 404) for facilitator actions in the participant’s own group', async () => {
    const res = await alice.client.post(`/groups/${groupA.groupId}/members/${carl.memberId}/approve`);
    expect(res.status).toBe(403);
  });

  it("never returns another account's login or id outside /admin", async () => {
    const others = [bob, carl].flatMap((p) => [p.login, p.accountId]).concat([groupA.facilitator.id, groupA.coordinator.id]);
    const responses = await Promise.all([
      alice.client.get('/auth/me'),
      alice.client.get('/groups'),
      alice.client.get(`/groups/${groupA.groupId}`),
      alice.client.get(`/groups/${groupA.groupId}/members`),
      alice.client.get(`/groups/${groupA.groupId}/members/${carl.memberId}`),
      alice.client.get(`/groups/${groupA.groupId}/members/${groupA.facilitator.memberId}`),
      alice.client.get('/me/export'),
      groupA.facilitator.client.get(`/groups/${groupA.groupId}/members`),
      groupA.facilitator.client.get(`/groups/${groupA.groupId}/members/${alice.memberId}`),
      groupA.coordinator.client.get('/referrals'),
    ]);
    for (const res of responses) {
      expect(res.status).toBe(200);
      for (const secret of others) expect(res.text).not.toContain(secret);
    }
    // Members see each other by pseudonym only, and facilitators under their display name.
    const members = responses[3].body.items;
    expect(members).toEqual(
      expect.arrayContaining([
        { memberId: carl.memberId, displayName: 'Gamma', role: 'member', status: 'approved' },
        { memberId: groupA.facilitator.memberId, displayName: 'Mette', role: 'facilitator', status: 'approved' },
      ]),
    );
  });

  it('shows participants approved members only', async () => {
    const pending = await referNewParticipant(app, groupA, { displayName: 'Venter' });
    const seen = await alice.client.get(`/groups/${groupA.groupId}/members`);
    expect(seen.body.items.map((m: { memberId: string }) => m.memberId)).not.toContain(pending.memberId);
    expect((await alice.client.get(`/groups/${groupA.groupId}/members/${pending.memberId}`)).status).toBe(404);
    // A pending person cannot look at the group's members (a stalker waiting for intake learns nothing).
    expect((await pending.client.get(`/groups/${groupA.groupId}/members`)).status).toBe(403);
  });

  it('rejects mass assignment of role, status and groupId', async () => {
    const code = (await groupA.coordinator.client.post('/referrals', { groupId: groupA.groupId })).body.code;
    const redeem = await new Client(app.url).post('/auth/redeem', {
      code,
      login: 'mass.assign',
      password: 'mass assign password',
      displayName: 'Masse',
      role: 'admin',
    });
    expect(redeem.status).toBe(400);
    expect(redeem.body.details).toContainEqual({ field: 'role', message: 'unknown field role' });
    const patch = await alice.client.patch(`/groups/${groupA.groupId}/membership`, { status: 'approved', groupId: groupB.groupId });
    expect(patch.status).toBe(400);
    const me = await alice.client.patch('/auth/me', { role: 'admin' });
    expect(me.status).toBe(400);
    const staff = await admin.post('/admin/staff', { login: 'x.staff', password: 'x staff password', role: 'participant' });
    expect(staff.status).toBe(400);
    // Nothing changed.
    expect((await alice.client.get('/auth/me')).body.account.role).toBe('participant');
    const code2 = await groupA.coordinator.client.post('/referrals', { groupId: groupA.groupId, status: 'approved' });
    expect(code2.status).toBe(400);
  });

  it('keeps staff roles to their own routes', async () => {
    expect((await groupA.coordinator.client.post('/groups', { name: 'Ny', capacity: 3 })).status).toBe(403);
    expect((await groupA.facilitator.client.post('/referrals', { groupId: groupA.groupId })).status).toBe(403);
    expect((await alice.client.post('/referrals', { groupId: groupA.groupId })).status).toBe(403);
    expect((await alice.client.get('/admin/staff')).status).toBe(403);
    // A facilitator of group A cannot act in group B, and does not even learn it exists.
    expect((await groupA.facilitator.client.post(`/groups/${groupB.groupId}/members/${bob.memberId}/decline`)).status).toBe(404);
    // A coordinator sees only their own referrals.
    const mine = await groupA.coordinator.client.get('/referrals');
    const theirs = await groupB.coordinator.client.get('/referrals');
    const mineIds = mine.body.items.map((r: { id: string }) => r.id);
    for (const r of theirs.body.items) expect(mineIds).not.toContain(r.id);
    expect((await groupA.coordinator.client.post(`/referrals/${theirs.body.items[0].id}/revoke`)).status).toBe(404);
  });
});
