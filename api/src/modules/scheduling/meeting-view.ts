import type { Meeting, Schedule } from '@tryg/shared';
import type { GroupEntity } from '../groups/entities/group.entity';
import type { MeetingEntity } from './entities/meeting.entity';
import type { ScheduleEntity } from './entities/schedule.entity';
import type { SeriesRule } from './recurrence';
import { type TallyRsvp, tally, waitlistPosition } from './rsvp-tally';

export function toSchedule(entity: ScheduleEntity): Schedule {
  return {
    id: entity.id,
    groupId: entity.groupId,
    startsOn: entity.startsOn,
    time: entity.time,
    timezone: entity.timezone,
    durationMinutes: entity.durationMinutes,
    frequency: entity.frequency,
    count: entity.count,
    until: entity.until,
    title: entity.title,
    capacity: entity.capacity,
  };
}

export function ruleOf(entity: ScheduleEntity): SeriesRule {
  return {
    startsOn: entity.startsOn,
    time: entity.time,
    timezone: entity.timezone,
    durationMinutes: entity.durationMinutes,
    frequency: entity.frequency,
    count: entity.count,
    until: entity.until,
  };
}

/** What a meeting view depends on besides the meeting and its group. */
export interface MeetingViewInput {
  rsvps: TallyRsvp[];
  /** The viewer's membership in the group, if any. */
  myMemberId: string | null;
  /** Who covers the meeting (meeting-cover-view.ts). */
  cover: readonly string[];
  /** Facilitators of the group and admins see who covers; members only whether anyone does. */
  seesCover: boolean;
}

/** The CONTRACT's `meeting`, as the given member (or a staff caller without one) sees it. */
export function toMeeting(entity: MeetingEntity, group: GroupEntity, input: MeetingViewInput): Meeting {
  const { rsvps, myMemberId } = input;
  const t = tally(rsvps);
  const mine = myMemberId ? rsvps.find((r) => r.memberId === myMemberId) : undefined;
  return {
    id: entity.id,
    groupId: entity.groupId,
    scheduleId: entity.scheduleId,
    startsAt: entity.startsAt.toISOString(),
    endsAt: entity.endsAt.toISOString(),
    durationMinutes: entity.durationMinutes,
    title: entity.title,
    cancelled: entity.cancelled,
    capacity: entity.capacity ?? group.capacity,
    going: t.going,
    myRsvp: mine ? (mine.status === 'not-going' ? 'no' : 'yes') : null,
    waitlistPosition: mine && mine.status === 'waitlisted' ? waitlistPosition(t, mine.memberId) : null,
    covered: input.cover.length > 0,
    ...(input.seesCover ? { cover: input.cover.map((displayName) => ({ displayName })) } : {}),
  };
}
