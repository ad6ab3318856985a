import {
  createMeeting,
  createSchedulingGroup,
  MINUTE_MS,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';

// Monday 15 March 2027, 10:00 in Copenhagen.
const NOW = new Date('2027-03-15T09:00:00.000Z');

/**
 * Who came to a meeting is for the group's facilitators only: a stalker inside the group (a member)
 * must not learn who attends, and nobody outside may even learn the meeting exists.
 */
describe('attack: reading who attended a meeting', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 1);
  });
  afterAll(() => s.app.close());

  it("answers only the group's facilitators: a member 403, anyone else 404 like a missing meeting, a malformed id 400", async () => {
    const meeting = await createMeeting(group, {
      startsAt: new Date(NOW.getTime() + 60 * MINUTE_MS).toISOString(),
      durationMinutes: 60,
    });
    const member = group.members[0].client;
    expect((await member.get(`/meetings/${meeting.id}/attendance`)).status).toBe(403);
    const other = await createSchedulingGroup(s, 1);
    const outsider = await other.facilitator.get(`/meetings/${meeting.id}/attendance`);
    const missing = await other.facilitator.get('/meetings/00000000-0000-4000-8000-000000000000/attendance');
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(missing.body);
    expect((await other.members[0].client.get(`/meetings/${meeting.id}/attendance`)).status).toBe(404);
    expect((await group.fixture.coordinator.client.get(`/meetings/${meeting.id}/attendance`)).status).toBe(403);
    expect((await group.facilitator.get('/meetings/not-a-uuid/attendance')).status).toBe(400);
  });
});
