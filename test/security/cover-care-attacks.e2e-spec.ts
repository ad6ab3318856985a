import type { Meeting, Referral } from '@tryg/shared';
import { type CoverGroup, createCoverGroup, gapsOf, kindOf, unique } from '../support/cover-fixtures';
import { addApprovedParticipant, type Participant } from '../support/groups';
import { MINUTE_MS, type SchedulingApp, startSchedulingApp } from '../support/scheduling-fixtures';
import { type Client, createStaff } from '../support/test-app';

const NOW = new Date('2027-03-01T09:00:00.000Z');
const DAY_MS = 24 * 3600_000;
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Thinking like the stalker inside the platform: a participant, a facilitator of another group and
 * a coordinator who did not make the referral try the cover and care-loop routes. Each either gets
 * the refusal it should, or an answer that holds nothing of anyone else.
 */
describe('cover and care loop (attacks)', () => {
  let s: SchedulingApp;
  let mine: CoverGroup;
  let theirs: CoverGroup;
  let meeting: Meeting;
  let theirMeeting: Meeting;
  let alice: Participant;
  let bob: Participant;
  let outsider: { client: Client; id: string };

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    mine = await createCoverGroup(s, s.admin, 0);
    theirs = await createCoverGroup(s, s.admin, 0);
    alice = await addApprovedParticipant(s.app, mine.fixture, { clientReference: 'ALICE-REF-1' });
    bob = await addApprovedParticipant(s.app, mine.fixture, { clientReference: 'BOB-REF-2' });
    outsider = await createStaff(s.app, s.admin, 'coordinator', unique('coord.x.'));
    const create = async (group: CoverGroup) =>
      (
        await group.facilitators[0].client.post(`/groups/${group.groupId}/meetings`, {
          startsAt: new Date(NOW.getTime() + 2 * DAY_MS).toISOString(),
          durationMinutes: 60,
        })
      ).body as Meeting;
    meeting = await create(mine);
    theirMeeting = await create(theirs);
  });
  afterAll(() => s.app.close());

  it('a participant cannot take or give back cover: 403 in their own group, 404 elsewhere, like a missing meeting', async () => {
    for (const method of ['post', 'delete'] as const) {
      expect((await alice.client[method](`/meetings/${meeting.id}/cover`)).status).toBe(403);
      const elsewhere = await alice.client[method](`/meetings/${theirMeeting.id}/cover`);
      const missing = await alice.client[method](`/meetings/${MISSING}/cover`);
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.text).toBe(missing.text);
    }
    expect((await mine.facilitators[0].client.get(`/groups/${mine.groupId}/meetings`)).body.items[0].covered).toBe(false);
  });

  it('a participant or a coordinator cannot list gaps or anyone’s cover', async () => {
    for (const client of [alice.client, mine.coordinator.client]) {
      for (const path of ['/cover-gaps', '/me/cover']) {
        const res = await client.get(path);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
    }
  });

  it("a facilitator of another group cannot cover this group's meetings, nor see its gaps", async () => {
    const intruder = theirs.facilitators[0].client;
    const missing = await intruder.post(`/meetings/${MISSING}/cover`);
    for (const method of ['post', 'delete'] as const) {
      const res = await intruder[method](`/meetings/${meeting.id}/cover?scope=following`);
      expect(res.status).toBe(404);
      expect(res.text).toBe(missing.text);
    }
    const gaps = JSON.stringify(await gapsOf(intruder, '?days=60'));
    expect(gaps).not.toContain(meeting.id);
    expect(gaps).not.toContain(mine.groupId);
    expect(gaps).not.toContain(mine.name);
    expect((await mine.facilitators[0].client.get(`/groups/${mine.groupId}/meetings`)).body.items[0].covered).toBe(false);
  });

  it('members see that a meeting is covered, never by whom', async () => {
    expect((await mine.facilitators[1].client.post(`/meetings/${meeting.id}/cover`)).status).toBe(200);
    const listed = (await alice.client.get(`/groups/${mine.groupId}/meetings`)).body.items as Meeting[];
    expect(listed[0].covered).toBe(true);
    expect(listed[0]).not.toHaveProperty('cover');
    expect(JSON.stringify(listed)).not.toContain('Jonas');
  });

  it("a participant cannot read or change another member's care setting", async () => {
    expect((await bob.client.patch(`/groups/${mine.groupId}/membership`, { careLoop: true })).status).toBe(200);
    // Their own switch is all the care-loop route ever answers: it takes no member id.
    const own = await alice.client.get(`/groups/${mine.groupId}/membership/care-loop`);
    expect(own.status).toBe(200);
    expect(own.body.careLoop).toBe(false);
    // Naming Bob changes nothing: the answer is still Alice's own switch (Bob's is on).
    const naming = await alice.client.get(`/groups/${mine.groupId}/membership/care-loop?memberId=${bob.memberId}`);
    expect(naming.body).toEqual(own.body);
    expect((await alice.client.get(`/groups/${mine.groupId}/members/${bob.memberId}/care-loop`)).status).toBe(404);
    // Nor does any member view carry it — not to members, not to facilitators.
    for (const client of [alice.client, mine.facilitators[0].client]) {
      const member = await client.get(`/groups/${mine.groupId}/members/${bob.memberId}`);
      expect(member.status).toBe(200);
      const list = await client.get(`/groups/${mine.groupId}/members`);
      expect(JSON.stringify([member.body, list.body])).not.toMatch(/careLoop/);
    }
    // A member of another group gets the missing-group answer.
    const stranger = await addApprovedParticipant(s.app, theirs.fixture);
    const missing = await stranger.client.get(`/groups/${MISSING}/membership/care-loop`);
    const other = await stranger.client.get(`/groups/${mine.groupId}/membership/care-loop`);
    expect(other.status).toBe(404);
    expect(other.text).toBe(missing.text);
  });

  it('staff have no care-loop switch to read or set', async () => {
    for (const client of [mine.facilitators[0].client, mine.coordinator.client, s.admin]) {
      expect((await client.get(`/groups/${mine.groupId}/membership/care-loop`)).status).toBe(403);
    }
    expect((await mine.facilitators[0].client.patch(`/groups/${mine.groupId}/membership`, { careLoop: true })).status).toBe(403);
  });

  it('a coordinator learns nothing of a member who is not theirs', async () => {
    // Bob opted in and misses two meetings in a row: his own coordinator is told, no one else.
    for (let i = 0; i < 2; i++) {
      const created = await mine.facilitators[0].client.post(`/groups/${mine.groupId}/meetings`, {
        startsAt: s.app.clock.now().toISOString(),
        durationMinutes: 5,
      });
      expect(created.status).toBe(201);
      s.app.clock.advance(6 * MINUTE_MS);
      await s.scheduler.tick();
    }
    const ownCoordinator = await kindOf(mine.coordinator.client, 'care-missed');
    expect(ownCoordinator.map((n) => n.text)).toEqual([expect.stringContaining('BOB-REF-2')]);

    expect(await kindOf(outsider.client, 'care-missed')).toEqual([]);
    expect((await outsider.client.get('/referrals')).body.items).toEqual([]);
    const revealing = [
      await outsider.client.get(`/groups/${mine.groupId}/attendance`),
      await outsider.client.get(`/groups/${mine.groupId}/members/${bob.memberId}`),
      await outsider.client.get(`/groups/${mine.groupId}/membership/care-loop`),
      await outsider.client.post(`/referrals/${bob.referralId}/revoke`),
    ];
    for (const res of revealing) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toMatch(/BOB-REF|missedInARow|careLoop/);
    }
    // Even the own coordinator sees the count and the nudge's time, never what was said.
    const bobReferral = ((await mine.coordinator.client.get('/referrals')).body.items as Referral[]).find(
      (r) => r.id === bob.referralId,
    );
    expect(bobReferral?.care).toEqual({ missedInARow: 2, since: expect.any(String) });
    expect(Object.keys(bobReferral!.care!).sort()).toEqual(['missedInARow', 'since']);
  });
});
