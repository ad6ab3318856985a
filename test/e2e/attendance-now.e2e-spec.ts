import type { MeetingAttendanceItem, MeResponse } from '@tryg/shared';
import { AttendanceService } from '../../api/src/modules/scheduling/attendance.service';
import { referNewParticipant } from '../support/groups';
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

describe("a meeting's attendance while it runs, and when members joined", () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 3);
  });
  afterAll(() => s.app.close());

  it('GET /meetings/:id/attendance shows who the room saw and what the facilitator set, with the source', async () => {
    const [a, b, c] = group.members;
    const meeting = await createMeeting(group, {
      startsAt: new Date(NOW.getTime() - 10 * MINUTE_MS).toISOString(),
      durationMinutes: 90,
    });
    const empty = await group.facilitator.get(`/meetings/${meeting.id}/attendance`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null });

    const presence = s.app.app.get(AttendanceService);
    expect(await presence.recordPresence(meeting.id, a.memberId)).toBe(true);
    expect(await presence.recordPresence(meeting.id, b.memberId)).toBe(true);
    expect(
      (await group.facilitator.put(`/meetings/${meeting.id}/attendance/${c.memberId}`, { present: false })).status,
    ).toBe(200);

    const res = await group.facilitator.get(`/meetings/${meeting.id}/attendance`);
    expect(res.status).toBe(200);
    const byMember = new Map((res.body.items as MeetingAttendanceItem[]).map((item) => [item.memberId, item]));
    expect(byMember.get(a.memberId)).toEqual({
      meetingId: meeting.id,
      memberId: a.memberId,
      present: true,
      source: 'presence',
    });
    expect(byMember.get(b.memberId)).toEqual({
      meetingId: meeting.id,
      memberId: b.memberId,
      present: true,
      source: 'presence',
    });
    expect(byMember.get(c.memberId)).toEqual({
      meetingId: meeting.id,
      memberId: c.memberId,
      present: false,
      source: 'facilitator',
    });
    expect(byMember.size).toBe(3);
  });

  it('GET /auth/me gives each membership the moment it was approved (null while pending)', async () => {
    const [a] = group.members;
    const me = (await a.client.get('/auth/me')).body as MeResponse;
    const approvedAt = Date.parse(me.memberships.find((m) => m.memberId === a.memberId)?.approvedAt ?? '');
    // The app's clock was set to NOW before the members were approved, and runs on from there.
    expect(approvedAt).toBeGreaterThanOrEqual(NOW.getTime());
    expect(approvedAt).toBeLessThan(NOW.getTime() + 60_000);

    const waiting = await referNewParticipant(s.app, group.fixture);
    const pending = ((await waiting.client.get('/auth/me')).body as MeResponse).memberships;
    expect(pending).toEqual([
      expect.objectContaining({ memberId: waiting.memberId, status: 'pending', approvedAt: null }),
    ]);
  });
});
