import type { Meeting } from '@tryg/shared';
import {
  createMeeting,
  createSchedulingGroup,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';

// Monday 15 March 2027, 10:00 in Copenhagen. Summer time starts on Sunday 28 March 2027.
const NOW = new Date('2027-03-15T09:00:00.000Z');
const MEETING_KEYS = [
  'capacity',
  'cancelled',
  // Facilitator cover (v3): `covered` for everyone, `cover` for the group's facilitators.
  'cover',
  'covered',
  'durationMinutes',
  'endsAt',
  'going',
  'groupId',
  'id',
  'myRsvp',
  'scheduleId',
  'startsAt',
  'title',
  'waitlistPosition',
].sort();

describe('scheduling: series, one-off meetings, edits and access', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;
  let other: SchedulingGroup;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 1, { capacity: 8 });
    other = await createSchedulingGroup(s, 1);
  });
  afterAll(() => s.app.close());

  const list = async (query = '') =>
    (await group.facilitator.get(`/groups/${group.groupId}/meetings${query}`)).body.items as Meeting[];

  it('creates a weekly series that stays at 18:00 Copenhagen time across the change to summer time', async () => {
    const res = await group.facilitator.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-16',
      time: '18:00',
      durationMinutes: 90,
      frequency: 'weekly',
      count: 4,
      title: 'Tirsdag',
    });
    expect(res.status).toBe(201);
    expect(res.body.schedule).toMatchObject({
      groupId: group.groupId,
      startsOn: '2027-03-16',
      time: '18:00',
      timezone: 'Europe/Copenhagen',
      frequency: 'weekly',
      count: 4,
      until: null,
    });
    const meetings = res.body.meetings as Meeting[];
    // 18:00 is 17:00 UTC in winter time and 16:00 UTC in summer time.
    expect(meetings.map((m) => m.startsAt)).toEqual([
      '2027-03-16T17:00:00.000Z',
      '2027-03-23T17:00:00.000Z',
      '2027-03-30T16:00:00.000Z',
      '2027-04-06T16:00:00.000Z',
    ]);
    expect(Object.keys(meetings[0]).sort()).toEqual(MEETING_KEYS);
    expect(meetings[2]).toMatchObject({
      groupId: group.groupId,
      scheduleId: res.body.schedule.id,
      endsAt: '2027-03-30T17:30:00.000Z',
      durationMinutes: 90,
      title: 'Tirsdag',
      cancelled: false,
      capacity: 8,
      going: 0,
      myRsvp: null,
      waitlistPosition: null,
    });
    const listed = (await group.members[0].client.get(`/groups/${group.groupId}/meetings`)).body.items as Meeting[];
    expect(listed.filter((m) => m.scheduleId === res.body.schedule.id).map((m) => m.id)).toEqual(
      meetings.map((m) => m.id),
    );
  });

  it('creates a biweekly series up to an end date', async () => {
    const res = await group.facilitator.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-17',
      time: '09:30',
      durationMinutes: 60,
      frequency: 'biweekly',
      until: '2027-04-28',
      capacity: 3,
    });
    expect(res.status).toBe(201);
    const meetings = res.body.meetings as Meeting[];
    expect(meetings.map((m) => m.startsAt)).toEqual([
      '2027-03-17T08:30:00.000Z',
      '2027-03-31T07:30:00.000Z',
      '2027-04-14T07:30:00.000Z',
      '2027-04-28T07:30:00.000Z',
    ]);
    expect(meetings.every((m) => m.capacity === 3)).toBe(true);
  });

  it('needs exactly one of count and until, and a real date and time', async () => {
    const base = { startsOn: '2027-03-16', time: '18:00', durationMinutes: 90, frequency: 'weekly' };
    for (const body of [
      base,
      { ...base, count: 2, until: '2027-04-01' },
      { ...base, count: 2, time: '24:00' },
      { ...base, count: 2, startsOn: '2027-02-30' },
      { ...base, count: 2, extra: 1 },
    ]) {
      const res = await group.facilitator.post(`/groups/${group.groupId}/schedules`, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    }
  });

  it('accepts a one-off meeting already in progress, but not one that is over', async () => {
    const inProgress = await group.facilitator.post(`/groups/${group.groupId}/meetings`, {
      startsAt: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
      durationMinutes: 60,
    });
    expect(inProgress.status).toBe(201);
    expect(inProgress.body).toMatchObject({ scheduleId: null, durationMinutes: 60, capacity: 8, title: null });
    const over = await group.facilitator.post(`/groups/${group.groupId}/meetings`, {
      startsAt: new Date(NOW.getTime() - 61 * 60_000).toISOString(),
      durationMinutes: 60,
    });
    expect(over.status).toBe(400);
  });

  it('lists from a day ago to 90 days ahead by default, or the range asked for', async () => {
    const far = await createMeeting(group, {
      startsAt: new Date(NOW.getTime() + 100 * 86_400_000).toISOString(),
      durationMinutes: 60,
    });
    const old = await createMeeting(group, {
      startsAt: new Date(NOW.getTime() - 20 * 60_000).toISOString(),
      durationMinutes: 30,
    });
    const ids = (await list()).map((m) => m.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(far.id);
    const later = await list(
      `?from=${encodeURIComponent(new Date(NOW.getTime() + 95 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(NOW.getTime() + 105 * 86_400_000).toISOString())}`,
    );
    expect(later.map((m) => m.id)).toEqual([far.id]);
    expect((await group.facilitator.get(`/groups/${group.groupId}/meetings?from=yesterday`)).status).toBe(400);
    const sorted = (await list()).map((m) => m.startsAt);
    expect(sorted).toEqual([...sorted].sort());
  });

  it('moves one occurrence with scope "this" and keeps the rest of its series', async () => {
    const created = await group.facilitator.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-18',
      time: '17:00',
      durationMinutes: 60,
      frequency: 'weekly',
      count: 4,
    });
    const [first, second, third, fourth] = created.body.meetings as Meeting[];
    const moved = await group.facilitator.patch(`/meetings/${second.id}`, { startsAt: '2027-03-26T15:00:00.000Z' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: second.id,
      startsAt: '2027-03-26T15:00:00.000Z',
      endsAt: '2027-03-26T16:00:00.000Z',
      scheduleId: created.body.schedule.id,
    });
    const after = new Map((await list()).map((m) => [m.id, m]));
    expect(after.get(first.id)?.startsAt).toBe(first.startsAt);
    expect(after.get(third.id)?.startsAt).toBe(third.startsAt);
    expect(after.get(fourth.id)?.startsAt).toBe(fourth.startsAt);
  });

  it('moves the rest of a series with scope "following", keeping the new local time after the change to summer time, and leaves earlier meetings', async () => {
    const created = await group.facilitator.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-15',
      time: '19:00',
      durationMinutes: 60,
      frequency: 'weekly',
      count: 4,
    });
    const meetings = created.body.meetings as Meeting[];
    expect(meetings.map((m) => m.startsAt)).toEqual([
      '2027-03-15T18:00:00.000Z',
      '2027-03-22T18:00:00.000Z',
      '2027-03-29T17:00:00.000Z',
      '2027-04-05T17:00:00.000Z',
    ]);
    // The second (Monday 22 March 19:00, winter time) becomes Tuesday 23 March 20:00, and so does the rest.
    const res = await group.facilitator.patch(`/meetings/${meetings[1].id}`, {
      startsAt: '2027-03-23T19:00:00.000Z',
      scope: 'following',
    });
    expect(res.status).toBe(200);
    const after = new Map((await list()).map((m) => [m.id, m]));
    expect(after.get(meetings[0].id)).toMatchObject({
      startsAt: '2027-03-15T18:00:00.000Z',
      scheduleId: created.body.schedule.id,
    });
    expect(meetings.slice(1).map((m) => after.get(m.id)?.startsAt)).toEqual([
      '2027-03-23T19:00:00.000Z',
      '2027-03-30T18:00:00.000Z', // 20:00 summer time
      '2027-04-06T18:00:00.000Z',
    ]);
    const newScheduleId = after.get(meetings[1].id)?.scheduleId;
    expect(newScheduleId).not.toBe(created.body.schedule.id);
    expect(meetings.slice(1).every((m) => after.get(m.id)?.scheduleId === newScheduleId)).toBe(true);
  });

  it('cancels and restores a meeting; cancelling twice is a conflict', async () => {
    const meeting = await createMeeting(group, { startsAt: '2027-03-20T10:00:00.000Z', durationMinutes: 60 });
    const cancelled = await group.facilitator.patch(`/meetings/${meeting.id}`, { cancelled: true });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled).toBe(true);
    expect((await list()).find((m) => m.id === meeting.id)?.cancelled).toBe(true);
    expect((await group.facilitator.patch(`/meetings/${meeting.id}`, { cancelled: true })).status).toBe(409);
    expect((await group.facilitator.patch(`/meetings/${meeting.id}`, { cancelled: false })).body.cancelled).toBe(false);
    expect((await group.facilitator.patch(`/meetings/${meeting.id}`, {})).status).toBe(400);
    expect((await group.facilitator.patch(`/meetings/${meeting.id}`, { scope: 'all' })).status).toBe(400);
  });

  it('answers 404 to outsiders on every meeting route of another group, 403 to members who may not', async () => {
    const meeting = await createMeeting(group, { startsAt: '2027-03-21T10:00:00.000Z', durationMinutes: 60 });
    const memberId = group.members[0].memberId;
    for (const outsider of [other.facilitator, other.members[0].client]) {
      const answers = await Promise.all([
        outsider.get(`/groups/${group.groupId}/meetings`),
        outsider.post(`/groups/${group.groupId}/meetings`, {
          startsAt: '2027-03-21T10:00:00.000Z',
          durationMinutes: 60,
        }),
        outsider.post(`/groups/${group.groupId}/schedules`, {
          startsOn: '2027-03-16',
          time: '18:00',
          durationMinutes: 90,
          frequency: 'weekly',
          count: 1,
        }),
        outsider.patch(`/meetings/${meeting.id}`, { cancelled: true }),
        outsider.put(`/meetings/${meeting.id}/rsvp`, { response: 'yes' }),
        outsider.get(`/groups/${group.groupId}/attendance`),
        outsider.put(`/meetings/${meeting.id}/attendance/${memberId}`, { present: true }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
      expect(answers[3].body).toEqual(
        (await outsider.patch('/meetings/00000000-0000-4000-8000-000000000000', { cancelled: true })).body,
      );
    }
    const member = group.members[0].client;
    expect((await member.patch(`/meetings/${meeting.id}`, { cancelled: true })).status).toBe(403);
    expect(
      (
        await member.post(`/groups/${group.groupId}/meetings`, {
          startsAt: '2027-03-21T10:00:00.000Z',
          durationMinutes: 60,
        })
      ).status,
    ).toBe(403);
    expect((await member.get(`/groups/${group.groupId}/attendance`)).status).toBe(403);
    expect((await group.fixture.coordinator.client.get(`/groups/${group.groupId}/meetings`)).status).toBe(403);
    expect((await group.facilitator.patch('/meetings/not-a-uuid', { cancelled: true })).status).toBe(400);
    // The meeting is untouched.
    expect((await list()).find((m) => m.id === meeting.id)?.cancelled).toBe(false);
  });
});
