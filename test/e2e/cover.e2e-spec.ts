import type { CoverItem, Meeting } from '@tryg/shared';
import {
  adminAgain,
  again,
  type CoverGroup,
  createCoverGroup,
  gapsOf,
  kindOf,
  meetingOf,
  setClock,
} from '../support/cover-fixtures';
import { HOUR_MS, MINUTE_MS, type SchedulingApp, startSchedulingApp } from '../support/scheduling-fixtures';
import type { Client } from '../support/test-app';

const DAY_MS = 24 * HOUR_MS;
// Monday 1 March 2027, 10:00 in Copenhagen.
const NOW = new Date('2027-03-01T09:00:00.000Z');

async function create(client: Client, groupId: string, startsAt: Date, durationMinutes = 90): Promise<Meeting> {
  const res = await client.post(`/groups/${groupId}/meetings`, { startsAt: startsAt.toISOString(), durationMinutes });
  expect(res.status).toBe(201);
  return res.body as Meeting;
}

describe('cover: taking and giving back meetings', () => {
  let s: SchedulingApp;
  let group: CoverGroup;
  let mette: Client;
  let jonas: Client;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createCoverGroup(s, s.admin, 1);
    [mette, jonas] = group.facilitators.map((f) => f.client);
  });
  afterAll(() => s.app.close());

  it('starts uncovered, and a facilitator takes it: everyone sees covered, only staff see by whom', async () => {
    const meeting = await create(mette, group.groupId, new Date(NOW.getTime() + 5 * DAY_MS));
    expect(meeting).toMatchObject({ covered: false, cover: [] });

    const taken = await mette.post(`/meetings/${meeting.id}/cover`);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ id: meeting.id, covered: true, cover: [{ displayName: 'Mette' }] });
    expect((await jonas.post(`/meetings/${meeting.id}/cover`)).body.cover).toEqual([
      { displayName: 'Mette' },
      { displayName: 'Jonas' },
    ]);
    expect((await meetingOf(jonas, group.groupId, meeting.id)).cover).toEqual([
      { displayName: 'Mette' },
      { displayName: 'Jonas' },
    ]);

    // The member sees that the meeting is covered, and nothing about who.
    const asMember = await meetingOf(group.members[0].client, group.groupId, meeting.id);
    expect(asMember.covered).toBe(true);
    expect(asMember).not.toHaveProperty('cover');
    expect(JSON.stringify(asMember)).not.toMatch(/Mette|Jonas/);
  });

  it('answers 409 when taking twice or giving back what one does not cover, and gives back', async () => {
    const meeting = await create(mette, group.groupId, new Date(NOW.getTime() + 6 * DAY_MS));
    expect((await mette.post(`/meetings/${meeting.id}/cover`)).status).toBe(200);
    const twice = await mette.post(`/meetings/${meeting.id}/cover`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONFLICT');
    expect((await jonas.delete(`/meetings/${meeting.id}/cover`)).status).toBe(409);

    const given = await mette.delete(`/meetings/${meeting.id}/cover`);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ id: meeting.id, covered: false, cover: [] });
    expect((await mette.delete(`/meetings/${meeting.id}/cover`)).status).toBe(409);
  });

  it('refuses to take a cancelled or finished meeting', async () => {
    const cancelled = await create(mette, group.groupId, new Date(NOW.getTime() + 7 * DAY_MS));
    expect((await mette.patch(`/meetings/${cancelled.id}`, { cancelled: true })).status).toBe(200);
    expect((await mette.post(`/meetings/${cancelled.id}/cover`)).status).toBe(409);

    const past = await create(mette, group.groupId, new Date(NOW.getTime() - 10 * MINUTE_MS), 15);
    s.app.clock.set(new Date(NOW.getTime() + 6 * MINUTE_MS));
    expect((await mette.post(`/meetings/${past.id}/cover`)).status).toBe(409);
    s.app.clock.set(NOW);
  });

  it('takes a meeting and the rest of its series with scope=following, and gives them back the same way', async () => {
    const res = await mette.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-15',
      time: '18:00',
      durationMinutes: 90,
      frequency: 'weekly',
      count: 4,
    });
    expect(res.status).toBe(201);
    const series = res.body.meetings as Meeting[];
    expect(series.map((m) => m.covered)).toEqual([false, false, false, false]);

    expect((await mette.post(`/meetings/${series[1].id}/cover?scope=bogus`)).status).toBe(400);
    const taken = await mette.post(`/meetings/${series[1].id}/cover?scope=following`);
    expect(taken.status).toBe(200);
    const covered = async () =>
      Promise.all(series.map(async (m) => (await meetingOf(mette, group.groupId, m.id)).covered));
    expect(await covered()).toEqual([false, true, true, true]);

    expect((await mette.delete(`/meetings/${series[2].id}/cover?scope=following`)).status).toBe(200);
    expect(await covered()).toEqual([false, true, false, false]);
    expect((await mette.post(`/meetings/${series[0].id}/cover?scope=this`)).status).toBe(200);
    expect(await covered()).toEqual([true, true, false, false]);
  });

  it('stops counting the cover of a facilitator who is unassigned from the group', async () => {
    const meeting = await create(mette, group.groupId, new Date(NOW.getTime() + 8 * DAY_MS));
    expect((await jonas.post(`/meetings/${meeting.id}/cover`)).status).toBe(200);
    expect((await s.admin.delete(`/groups/${group.groupId}/facilitators/${group.facilitators[1].id}`)).status).toBe(204);
    expect(await meetingOf(mette, group.groupId, meeting.id)).toMatchObject({ covered: false, cover: [] });
  });

  it('records taking and giving back in the audit trail', async () => {
    const audit = await s.admin.get('/admin/audit?type=meeting.cover.taken');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.body.items[0]).toEqual({
      id: expect.any(String),
      type: 'meeting.cover.taken',
      actorId: expect.any(String),
      subjectId: expect.any(String),
      createdAt: expect.any(String),
    });
    expect((await s.admin.get('/admin/audit?type=meeting.cover.given-back')).body.items.length).toBeGreaterThan(0);
  });
});

describe('cover: the gaps list', () => {
  let s: SchedulingApp;
  let a: CoverGroup;
  let b: CoverGroup;
  let open: CoverGroup;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    a = await createCoverGroup(s, s.admin, 0);
    b = await createCoverGroup(s, s.admin, 0);
    open = await createCoverGroup(s, s.admin, 0, { requireFacilitator: false });
  });
  afterAll(() => s.app.close());

  it("lists a facilitator's uncovered meetings soonest first, and an admin's of every group", async () => {
    const mette = a.facilitators[0].client;
    const later = await create(mette, a.groupId, new Date(NOW.getTime() + 3 * DAY_MS + 30 * MINUTE_MS));
    const sooner = await create(mette, a.groupId, new Date(NOW.getTime() + 2 * DAY_MS + 30 * MINUTE_MS));
    const covered = await create(mette, a.groupId, new Date(NOW.getTime() + DAY_MS));
    expect((await mette.post(`/meetings/${covered.id}/cover`)).status).toBe(200);
    const cancelled = await create(mette, a.groupId, new Date(NOW.getTime() + DAY_MS));
    expect((await mette.patch(`/meetings/${cancelled.id}`, { cancelled: true })).status).toBe(200);
    const far = await create(mette, a.groupId, new Date(NOW.getTime() + 30 * DAY_MS));
    const inB = await create(b.facilitators[0].client, b.groupId, new Date(NOW.getTime() + DAY_MS));
    const notRequired = await create(open.facilitators[0].client, open.groupId, new Date(NOW.getTime() + DAY_MS));

    const page = await gapsOf(mette);
    expect(page.items.map((i) => i.meeting.id)).toEqual([sooner.id, later.id]);
    expect(page.nextCursor).toBeNull();
    const [first] = page.items as CoverItem[];
    expect(first).toEqual({
      meeting: expect.objectContaining({ id: sooner.id, covered: false, cover: [] }),
      groupId: a.groupId,
      groupName: a.name,
      timezone: 'Europe/Copenhagen',
      hoursUntilStart: 48,
    });
    expect(page.items[1].hoursUntilStart).toBe(72);
    expect((await gapsOf(mette, '?days=60')).items.map((i) => i.meeting.id)).toEqual([sooner.id, later.id, far.id]);

    const asAdmin = (await gapsOf(s.admin)).items.map((i) => i.meeting.id);
    expect(asAdmin).toEqual(expect.arrayContaining([sooner.id, later.id, inB.id]));
    expect(asAdmin).not.toContain(notRequired.id);
    expect(asAdmin).not.toContain(covered.id);
    expect(asAdmin).not.toContain(cancelled.id);
    // The other group's facilitator sees only theirs.
    expect((await gapsOf(b.facilitators[0].client)).items.map((i) => i.meeting.id)).toEqual([inB.id]);
  });

  it("lists the meetings a facilitator covers under /me/cover", async () => {
    const jonas = a.facilitators[1].client;
    const meeting = await create(jonas, a.groupId, new Date(NOW.getTime() + 4 * DAY_MS));
    expect((await jonas.get('/me/cover')).body.items).toEqual([]);
    expect((await jonas.post(`/meetings/${meeting.id}/cover`)).status).toBe(200);
    const mine = await jonas.get('/me/cover');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: CoverItem) => [i.meeting.id, i.groupName])).toEqual([[meeting.id, a.name]]);
  });

  it('refuses a window outside 1–60 days', async () => {
    for (const days of ['0', '61', 'x']) {
      const res = await s.admin.get(`/cover-gaps?days=${days}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    }
  });
});

describe('cover: the 72-hour notice and the automatic cancellation', () => {
  let s: SchedulingApp;
  // Every meeting here starts at S: Thursday 4 March 2027, 18:00 in Copenhagen.
  const S = new Date(NOW.getTime() + 3 * DAY_MS + 8 * HOUR_MS);
  let main: CoverGroup;
  let covered: CoverGroup;
  let open: CoverGroup;
  let never: CoverGroup;
  let short: CoverGroup;
  let meetings: Record<'main' | 'covered' | 'open' | 'never' | 'startedUnseen', Meeting>;
  let shortMeeting: Meeting;

  const cancelledOf = async (group: CoverGroup, meeting: Meeting) =>
    (await meetingOf(await again(s.app, group.facilitators[0]), group.groupId, meeting.id)).cancelled;
  const gapNoticesFor = async (client: Client, group: CoverGroup) =>
    (await kindOf(client, 'cover-gap')).filter((n) => n.text.startsWith(`${group.name}:`));

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    main = await createCoverGroup(s, s.admin, 2);
    covered = await createCoverGroup(s, s.admin, 1);
    open = await createCoverGroup(s, s.admin, 1, { requireFacilitator: false });
    never = await createCoverGroup(s, s.admin, 1, { coverCancelHours: 0 });
    short = await createCoverGroup(s, s.admin, 1);
    meetings = {
      main: await create(main.facilitators[0].client, main.groupId, S),
      covered: await create(covered.facilitators[0].client, covered.groupId, S),
      open: await create(open.facilitators[0].client, open.groupId, S),
      never: await create(never.facilitators[0].client, never.groupId, S),
      startedUnseen: await create(main.facilitators[0].client, main.groupId, new Date(S.getTime() + DAY_MS)),
    };
    expect((await covered.facilitators[1].client.post(`/meetings/${meetings.covered.id}/cover`)).status).toBe(200);
    for (const member of main.members) {
      expect((await member.client.put(`/meetings/${meetings.main.id}/rsvp`, { response: 'yes' })).status).toBe(200);
    }
  });
  afterAll(() => s.app.close());

  it('tells nobody more than 72 hours ahead', async () => {
    await setClock(s.app, new Date(S.getTime() - 72 * HOUR_MS - MINUTE_MS));
    expect(await s.scheduler.tick()).toEqual(expect.arrayContaining(['cover-gap-notices', 'cover-auto-cancel']));
    expect(await gapNoticesFor(await again(s.app, main.facilitators[0]), main)).toEqual([]);
  });

  it("tells the group's facilitators and every admin once, 72 hours ahead — not its members", async () => {
    await setClock(s.app, new Date(S.getTime() - 72 * HOUR_MS + MINUTE_MS));
    await s.scheduler.tick();
    s.app.clock.advance(2 * MINUTE_MS);
    await s.scheduler.tick();

    for (const facilitator of main.facilitators) {
      const notices = await gapNoticesFor(await again(s.app, facilitator), main);
      expect(notices.map((n) => n.text)).toEqual([`${main.name}: Ingen facilitator har taget mødet torsdag den 4. marts kl. 18.00 endnu`]);
    }
    expect(await gapNoticesFor(await adminAgain(s.app), main)).toHaveLength(1);
    expect(await kindOf(await again(s.app, main.members[0]), 'cover-gap')).toEqual([]);
    // Not for a covered meeting, nor for a group without requireFacilitator.
    expect(await gapNoticesFor(await again(s.app, covered.facilitators[0]), covered)).toEqual([]);
    expect(await gapNoticesFor(await again(s.app, open.facilitators[0]), open)).toEqual([]);
    expect(await gapNoticesFor(await adminAgain(s.app), open)).toEqual([]);
  });

  it('tells them again when a meeting becomes a gap again after someone gave it back', async () => {
    const jonas = await again(s.app, never.facilitators[1]);
    expect(await gapNoticesFor(jonas, never)).toHaveLength(1);
    expect((await jonas.post(`/meetings/${meetings.never.id}/cover`)).status).toBe(200);
    await s.scheduler.tick();
    expect((await jonas.delete(`/meetings/${meetings.never.id}/cover`)).status).toBe(200);
    s.app.clock.advance(MINUTE_MS);
    await s.scheduler.tick();
    expect(await gapNoticesFor(jonas, never)).toHaveLength(2);
  });

  it('does not cancel before coverCancelHours', async () => {
    await setClock(s.app, new Date(S.getTime() - 24 * HOUR_MS - MINUTE_MS));
    await s.scheduler.tick();
    expect(await cancelledOf(main, meetings.main)).toBe(false);
  });

  it('cancels an uncovered meeting at coverCancelHours with the ordinary notice, once', async () => {
    await setClock(s.app, new Date(S.getTime() - 24 * HOUR_MS + MINUTE_MS));
    expect(await s.scheduler.tick()).toContain('cover-auto-cancel');
    expect(await cancelledOf(main, meetings.main)).toBe(true);
    for (const member of main.members) {
      const client = await again(s.app, member);
      expect((await kindOf(client, 'meeting-cancelled')).map((n) => n.text)).toEqual([
        'Din aftale i morgen kl. 18.00 er aflyst',
      ]);
    }
    const admin = await adminAgain(s.app);
    const audit = (await admin.get('/admin/audit?type=meeting.cover.auto-cancelled')).body.items;
    expect(audit).toEqual([
      { id: expect.any(String), type: 'meeting.cover.auto-cancelled', actorId: null, subjectId: meetings.main.id, createdAt: expect.any(String) },
    ]);

    // A facilitator restores it: the rules never cancel it a second time.
    const mette = await again(s.app, main.facilitators[0]);
    expect((await mette.patch(`/meetings/${meetings.main.id}`, { cancelled: false })).status).toBe(200);
    s.app.clock.advance(2 * MINUTE_MS);
    await s.scheduler.tick();
    expect(await cancelledOf(main, meetings.main)).toBe(false);
    expect(await kindOf(await again(s.app, main.members[0]), 'meeting-cancelled')).toHaveLength(1);
    expect((await admin.get('/admin/audit?type=meeting.cover.auto-cancelled')).body.items).toHaveLength(1);
  });

  it('tells them at once about a meeting planned at shorter notice, and never cancels that one', async () => {
    await setClock(s.app, new Date(S.getTime() - 10 * HOUR_MS));
    const mette = await again(s.app, short.facilitators[0]);
    const planned = await create(mette, short.groupId, S);
    await s.scheduler.tick();
    expect(await gapNoticesFor(mette, short)).toHaveLength(1);

    shortMeeting = planned;
  });

  it('never cancels a covered meeting, one at short notice, one of a group without requireFacilitator, or with coverCancelHours 0', async () => {
    await setClock(s.app, new Date(S.getTime() - 30 * MINUTE_MS));
    await s.scheduler.tick();
    expect(await cancelledOf(covered, meetings.covered)).toBe(false);
    expect(await cancelledOf(open, meetings.open)).toBe(false);
    expect(await cancelledOf(never, meetings.never)).toBe(false);
    expect(await cancelledOf(short, shortMeeting)).toBe(false);
  });

  it('never cancels a meeting that has already started, even when the job did not run in time', async () => {
    const startedAt = new Date(meetings.startedUnseen.startsAt);
    await setClock(s.app, new Date(startedAt.getTime() + 5 * MINUTE_MS));
    await s.scheduler.tick();
    expect(await cancelledOf(main, meetings.startedUnseen)).toBe(false);
  });
});
