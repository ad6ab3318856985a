import type { CareLoopStatus, MeResponse, OwnMembership, Referral } from '@tryg/shared';
import { again, adminAgain, type CoverGroup, createCoverGroup, kindOf, unique } from '../support/cover-fixtures';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { addApprovedParticipant, type GroupFixture, type Participant } from '../support/groups';
import { MINUTE_MS, type SchedulingApp, startSchedulingApp } from '../support/scheduling-fixtures';
import { type Client, createStaff } from '../support/test-app';

// Monday 1 March 2027, 10:00 in Copenhagen.
const NOW = new Date('2027-03-01T09:00:00.000Z');
const REF_ONE = 'KLIENT-4711';
const REF_QUIET = 'KLIENT-0815';
const REF_OTHER = 'ANDEN-2222';
const REF_DISABLED = 'SLUKKET-3333';

/**
 * The care loop end to end, with the app clock: short meetings follow each other, the facilitator
 * records who came, and the job decides after each meeting.
 */
describe('care loop: the referring coordinator hears when an opted-in member stops coming', () => {
  let s: SchedulingApp;
  let group: CoverGroup;
  let facilitator: Client;
  let coordinatorB: { login: string; password: string; id: string };
  let coordinatorC: { login: string; password: string; id: string };
  let one: Participant;
  let quiet: Participant;
  let other: Participant;
  let disabled: Participant;
  let orphaned: Participant;
  let coordinatorD: { login: string; password: string; client: Client; id: string };

  /** A 5-minute meeting starting now; `present` members are marked present; the clock moves past its end and the job runs. */
  async function meetingPasses(present: Participant[] = []): Promise<void> {
    const now = s.app.clock.now();
    const created = await facilitator.post(`/groups/${group.groupId}/meetings`, {
      startsAt: now.toISOString(),
      durationMinutes: 5,
    });
    expect(created.status).toBe(201);
    for (const member of present) {
      const marked = await facilitator.put(`/meetings/${created.body.id}/attendance/${member.memberId}`, { present: true });
      expect(marked.status).toBe(200);
    }
    s.app.clock.advance(6 * MINUTE_MS);
    expect(await s.scheduler.tick()).toContain('care-loop');
  }

  const careMissed = async (coordinator: { login: string; password: string }) =>
    kindOf(await again(s.app, coordinator), 'care-missed');
  const referralsOf = async (coordinator: { login: string; password: string }) =>
    (await (await again(s.app, coordinator)).get('/referrals')).body.items as Referral[];
  const membershipOf = async (member: Participant): Promise<OwnMembership> => {
    const me = (await (await again(s.app, member)).get('/auth/me')).body as MeResponse;
    return me.memberships.find((m) => m.memberId === member.memberId) as OwnMembership;
  };
  const careStatus = async (member: Participant): Promise<CareLoopStatus> => {
    const res = await (await again(s.app, member)).get(`/groups/${group.groupId}/membership/care-loop`);
    expect(res.status).toBe(200);
    return res.body as CareLoopStatus;
  };

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createCoverGroup(s, s.admin, 0);
    facilitator = group.facilitators[0].client;
    const fixtureFor = (coordinator: { client: Client; id: string }): GroupFixture => ({ ...group.fixture, coordinator });
    const b = await createStaff(s.app, s.admin, 'coordinator', unique('coord.b.'));
    const c = await createStaff(s.app, s.admin, 'coordinator', unique('coord.c.'));
    coordinatorB = b;
    coordinatorC = c;
    one = await addApprovedParticipant(s.app, group.fixture, { clientReference: REF_ONE });
    quiet = await addApprovedParticipant(s.app, group.fixture, { clientReference: REF_QUIET });
    other = await addApprovedParticipant(s.app, fixtureFor(b), { clientReference: REF_OTHER });
    disabled = await addApprovedParticipant(s.app, fixtureFor(c), { clientReference: REF_DISABLED });
    coordinatorD = await createStaff(s.app, s.admin, 'coordinator', unique('coord.d.'));
    orphaned = await addApprovedParticipant(s.app, fixtureFor(coordinatorD));
    s.app.clock.advance(MINUTE_MS);
  });
  afterAll(() => s.app.close());

  it('is off until the member switches it on, and says whom it would tell', async () => {
    expect(await membershipOf(one)).toMatchObject({ careLoop: false, careLoopSentAt: null });
    expect(await careStatus(one)).toEqual({ careLoop: false, careLoopSentAt: null, careLoopAfter: 2, coordinator: 'available' });
    for (const member of [one, other, disabled]) {
      const res = await (await again(s.app, member)).patch(`/groups/${group.groupId}/membership`, { careLoop: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ memberId: member.memberId, careLoop: true, careLoopSentAt: null });
    }
    expect((await (await again(s.app, one)).patch(`/groups/${group.groupId}/membership`, { careLoop: 'yes' })).status).toBe(400);
  });

  it("says so on the member's switch when the referring coordinator's account is disabled or deleted", async () => {
    expect((await s.admin.post(`/admin/staff/${coordinatorC.id}/disable`)).status).toBe(200);
    expect(await careStatus(disabled)).toMatchObject({ careLoop: true, coordinator: 'unavailable' });
    expect(await careStatus(orphaned)).toMatchObject({ coordinator: 'available' });
    expect((await coordinatorD.client.delete('/me', { password: coordinatorD.password })).status).toBe(204);
    expect(await careStatus(orphaned)).toMatchObject({ coordinator: 'unavailable' });
  });

  it('tells nobody after one missed meeting', async () => {
    await meetingPasses();
    expect(await careMissed(group.coordinator)).toEqual([]);
    expect(await careMissed(coordinatorB)).toEqual([]);
  });

  it('tells the referring coordinator once at careLoopAfter, naming the client reference and the group', async () => {
    await meetingPasses();
    const toA = await careMissed(group.coordinator);
    expect(toA).toHaveLength(1);
    expect(toA[0].text).toBe(
      `Din klient ${REF_ONE} har ikke været med i ${group.name} de seneste gange. Klienten har selv valgt, at du får besked, så du kan høre, hvordan det går.`,
    );
    // The other coordinator hears only of their own client; the member who never opted in is never reported.
    const toB = await careMissed(coordinatorB);
    expect(toB.map((n) => n.text)).toEqual([expect.stringContaining(REF_OTHER)]);
    expect(JSON.stringify(toB)).not.toContain(REF_ONE);
    expect(JSON.stringify(toA)).not.toContain(REF_QUIET);
    expect(JSON.stringify(toA)).not.toContain(REF_OTHER);

    // The member sees that it was sent.
    const sentAt = (await membershipOf(one)).careLoopSentAt;
    expect(Date.parse(sentAt!)).toBeGreaterThan(NOW.getTime());
    expect(Date.parse(sentAt!)).toBeLessThanOrEqual(s.app.clock.nowMs());
    expect((await careStatus(one)).careLoopSentAt).toBe(sentAt);
    expect((await membershipOf(quiet)).careLoopSentAt).toBeNull();

    // The coordinator's referral list shows the count since the nudge; nothing for the one who did not opt in.
    const referrals = await referralsOf(group.coordinator);
    expect(referrals.find((r) => r.id === one.referralId)?.care).toEqual({ missedInARow: 2, since: sentAt });
    expect(referrals.find((r) => r.id === quiet.referralId)?.care).toBeNull();
  });

  it('sends nothing to a disabled coordinator', async () => {
    const stored: { count: string | number }[] = await s.app.dataSource.query(
      "SELECT COUNT(*) AS count FROM notifications WHERE account_id = ? AND kind = 'care-missed'",
      [coordinatorC.id],
    );
    expect(Number(stored[0].count)).toBe(0);
    expect((await membershipOf(disabled)).careLoopSentAt).toBeNull();
  });

  it('does not tell again while the member keeps missing, but keeps the count current', async () => {
    await meetingPasses();
    expect(await careMissed(group.coordinator)).toHaveLength(1);
    expect((await referralsOf(group.coordinator)).find((r) => r.id === one.referralId)?.care?.missedInARow).toBe(3);
  });

  it('starts over once the member has attended, and tells again at the next streak', async () => {
    await meetingPasses([one]);
    expect((await membershipOf(one)).careLoopSentAt).toBeNull();
    expect((await referralsOf(group.coordinator)).find((r) => r.id === one.referralId)?.care).toBeNull();
    expect(await careMissed(group.coordinator)).toHaveLength(1);

    await meetingPasses();
    expect(await careMissed(group.coordinator)).toHaveLength(1);
    await meetingPasses();
    expect(await careMissed(group.coordinator)).toHaveLength(2);
  });

  it('keeps every nudge in the audit trail, without content', async () => {
    const admin = await adminAgain(s.app);
    const res = await admin.get('/admin/audit?type=care-loop.nudged');
    expect(res.status).toBe(200);
    const items = res.body.items as { subjectId: string; actorId: string | null }[];
    expect(items.map((i) => i.subjectId).sort()).toEqual([one.memberId, one.memberId, other.memberId].sort());
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['actorId', 'createdAt', 'id', 'subjectId', 'type']);
    expect(JSON.stringify(res.body)).not.toMatch(/KLIENT|ANDEN/);
    expect((await admin.get('/admin/audit?type=care-loop.opted-in')).body.items).toHaveLength(3);
  });

  it('keeps no client reference in plain text in the database', async () => {
    const bytes = await readAllStoredBytes(s.app.dataSource, s.app.dataDir);
    // The scan works: the group's name is stored in plain text on purpose.
    expect(containsText(bytes, group.name)).toBe(true);
    for (const reference of [REF_ONE, REF_QUIET, REF_OTHER, REF_DISABLED]) expect(containsText(bytes, reference)).toBe(false);
  });

  it('stops showing the count to the coordinator when the member switches the loop off', async () => {
    // `other` has been told about and keeps missing.
    expect((await referralsOf(coordinatorB)).find((r) => r.id === other.referralId)?.care).not.toBeNull();
    expect((await (await again(s.app, other)).patch(`/groups/${group.groupId}/membership`, { careLoop: false })).status).toBe(200);
    await meetingPasses();
    expect((await referralsOf(coordinatorB)).find((r) => r.id === other.referralId)?.care).toBeNull();
  });
});
