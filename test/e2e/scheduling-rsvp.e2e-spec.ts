import type { AttendanceItem, Meeting, RsvpResult } from '@tryg/shared';
import { AttendanceService } from '../../api/src/modules/scheduling/attendance.service';
import {
  createMeeting,
  createSchedulingGroup,
  MINUTE_MS,
  notificationsOfKind,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';
import type { Client } from '../support/test-app';

// Monday 15 March 2027, 10:00 in Copenhagen.
const NOW = new Date('2027-03-15T09:00:00.000Z');

describe('scheduling: RSVP, waitlist and attendance', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 5, { name: 'Tirsdagsgruppen' });
  });
  afterAll(() => s.app.close());

  const rsvp = async (client: Client, meetingId: string, response: 'yes' | 'no') => {
    const res = await client.put(`/meetings/${meetingId}/rsvp`, { response });
    expect(res.status).toBe(200);
    return res.body as RsvpResult;
  };
  const seen = async (client: Client, meetingId: string) =>
    ((await client.get(`/groups/${group.groupId}/meetings`)).body.items as Meeting[]).find((m) => m.id === meetingId)!;

  it('waitlists a yes beyond the places, and gives a freed place to the first in line, who is told', async () => {
    const [a, b, c, d, e] = group.members.map((m) => m.client);
    // Wednesday 17 March 18:00 Copenhagen.
    const meeting = await createMeeting(group, {
      startsAt: '2027-03-17T17:00:00.000Z',
      durationMinutes: 90,
      capacity: 2,
    });

    expect(await rsvp(a, meeting.id, 'yes')).toEqual({ status: 'going', waitlistPosition: null });
    expect(await rsvp(b, meeting.id, 'yes')).toEqual({ status: 'going', waitlistPosition: null });
    expect(await rsvp(c, meeting.id, 'yes')).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await rsvp(d, meeting.id, 'yes')).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await rsvp(c, meeting.id, 'yes')).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await rsvp(e, meeting.id, 'no')).toEqual({ status: 'not-going', waitlistPosition: null });
    // A facilitator is always let in and never takes a place.
    expect(await rsvp(group.facilitator, meeting.id, 'yes')).toEqual({ status: 'going', waitlistPosition: null });

    expect(await seen(c, meeting.id)).toMatchObject({ capacity: 2, going: 2, myRsvp: 'yes', waitlistPosition: 1 });
    expect(await seen(e, meeting.id)).toMatchObject({ myRsvp: 'no', waitlistPosition: null });
    expect(await notificationsOfKind(c, 'waitlist-promoted')).toHaveLength(0);

    // a cancels: c moves up at once, and has been told before a's answer arrives.
    expect(await rsvp(a, meeting.id, 'no')).toEqual({ status: 'not-going', waitlistPosition: null });
    expect(await seen(c, meeting.id)).toMatchObject({ going: 2, myRsvp: 'yes', waitlistPosition: null });
    expect(await seen(d, meeting.id)).toMatchObject({ myRsvp: 'yes', waitlistPosition: 1 });
    const told = await notificationsOfKind(c, 'waitlist-promoted');
    expect(told).toHaveLength(1);
    expect(told[0].text).toBe('Der er blevet plads. Du er nu tilmeldt din aftale onsdag den 17. marts kl. 18.00');
    expect(told[0].text).not.toContain('Tirsdagsgruppen');
    expect(await notificationsOfKind(d, 'waitlist-promoted')).toHaveLength(0);

    // a says yes again and goes to the back of the line.
    expect(await rsvp(a, meeting.id, 'yes')).toEqual({ status: 'waitlisted', waitlistPosition: 2 });

    // More places: the line moves up in order.
    const widened = await group.facilitator.patch(`/meetings/${meeting.id}`, { capacity: 3 });
    expect(widened.body).toMatchObject({ capacity: 3, going: 3 });
    expect(await seen(d, meeting.id)).toMatchObject({ waitlistPosition: null, myRsvp: 'yes' });
    expect(await seen(a, meeting.id)).toMatchObject({ waitlistPosition: 1 });
    expect(await notificationsOfKind(d, 'waitlist-promoted')).toHaveLength(1);
  });

  it('frees the place of a member who left the group, through the waitlist job', async () => {
    const leaver = group.members[4];
    const waiting = group.members[1];
    const meeting = await createMeeting(group, {
      startsAt: '2027-03-18T17:00:00.000Z',
      durationMinutes: 60,
      capacity: 1,
    });
    expect(await rsvp(leaver.client, meeting.id, 'yes')).toMatchObject({ status: 'going' });
    expect(await rsvp(waiting.client, meeting.id, 'yes')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await leaver.client.delete(`/groups/${group.groupId}/membership`)).status).toBe(204);
    // The place is free at once (only approved members count) ...
    expect(await seen(waiting.client, meeting.id)).toMatchObject({ going: 0, waitlistPosition: 1 });
    // ... and the job hands it on.
    expect(await s.scheduler.tick()).toContain('waitlist-promotion');
    expect(await seen(waiting.client, meeting.id)).toMatchObject({ going: 1, waitlistPosition: null });
    expect((await notificationsOfKind(waiting.client, 'waitlist-promoted')).length).toBeGreaterThan(0);
  });

  it('refuses an RSVP for a cancelled meeting', async () => {
    const meeting = await createMeeting(group, { startsAt: '2027-03-19T17:00:00.000Z', durationMinutes: 60 });
    await group.facilitator.patch(`/meetings/${meeting.id}`, { cancelled: true });
    const res = await group.members[0].client.put(`/meetings/${meeting.id}/rsvp`, { response: 'yes' });
    expect(res.status).toBe(409);
    expect((await group.members[0].client.put(`/meetings/${meeting.id}/rsvp`, { response: 'maybe' })).status).toBe(400);
  });

  it("records attendance from facilitators and from presence in the room, and shows each member's recent attendance and misses in a row", async () => {
    const [a, b, c] = group.members;
    // Members were approved at NOW; these meetings start after that and are in progress five minutes later.
    s.app.clock.set(new Date(NOW.getTime() + 5 * MINUTE_MS));
    const meetings: Meeting[] = [];
    for (const minute of [1, 2, 3]) {
      meetings.push(
        await createMeeting(group, {
          startsAt: new Date(NOW.getTime() + minute * MINUTE_MS).toISOString(),
          durationMinutes: 5,
        }),
      );
    }
    const mark = (meetingId: string, memberId: string, present: boolean) =>
      group.facilitator.put(`/meetings/${meetingId}/attendance/${memberId}`, { present });

    const first = await mark(meetings[0].id, a.memberId, true);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ meetingId: meetings[0].id, memberId: a.memberId, present: true });
    expect((await mark(meetings[2].id, b.memberId, true)).status).toBe(200);
    expect((await mark(meetings[1].id, c.memberId, false)).status).toBe(200);

    const presence = s.app.app.get(AttendanceService);
    expect(await presence.recordPresence(meetings[1].id, b.memberId)).toBe(true);
    // The facilitator's record wins over presence.
    expect(await presence.recordPresence(meetings[1].id, c.memberId)).toBe(false);

    // Not for a facilitator's own membership, nor a meeting that has not begun.
    expect((await mark(meetings[0].id, group.fixture.facilitator.memberId, true)).status).toBe(404);
    const future = await createMeeting(group, { startsAt: '2027-03-25T17:00:00.000Z', durationMinutes: 60 });
    expect((await mark(future.id, a.memberId, true)).status).toBe(409);
    expect(
      (await group.facilitator.put(`/meetings/${meetings[0].id}/attendance/${a.memberId}`, { present: 'yes' })).status,
    ).toBe(400);

    s.app.clock.set(new Date(NOW.getTime() + 9 * MINUTE_MS));
    const res = await group.facilitator.get(`/groups/${group.groupId}/attendance`);
    expect(res.status).toBe(200);
    const byMember = new Map((res.body.items as AttendanceItem[]).map((i) => [i.memberId, i]));
    expect(byMember.get(a.memberId)).toEqual({
      memberId: a.memberId,
      displayName: a.displayName,
      attended: 1,
      missedInARow: 2,
      recentMeetings: 3,
    });
    expect(byMember.get(b.memberId)).toMatchObject({ attended: 2, missedInARow: 0 });
    expect(byMember.get(c.memberId)).toMatchObject({ attended: 0, missedInARow: 3 });
    // Former members and facilitators are not listed.
    expect(byMember.has(group.members[4].memberId)).toBe(false);
    expect(byMember.has(group.fixture.facilitator.memberId)).toBe(false);
  });
});
