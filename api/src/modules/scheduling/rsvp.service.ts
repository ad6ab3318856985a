import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { RsvpDto, RsvpResult, RsvpStatus } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import type { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingRsvpEntity } from './entities/meeting-rsvp.entity';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingNotices } from './meeting-notices';
import { type Tally, type TallyRsvp, tally, waitlistPosition } from './rsvp-tally';

export function placesOf(meeting: MeetingEntity, group: GroupEntity): number {
  return meeting.capacity ?? group.capacity;
}

/** RSVPs with their members' role and status, for one or more meetings. */
export async function loadTallyRsvps(manager: EntityManager, meetingIds: string[]): Promise<Map<string, TallyRsvp[]>> {
  const byMeeting = new Map<string, TallyRsvp[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return byMeeting;
  const rsvps = await manager.find(MeetingRsvpEntity, { where: { meetingId: In(meetingIds) } });
  const memberIds = [...new Set(rsvps.map((r) => r.memberId))];
  const members = memberIds.length
    ? await manager.find(MembershipEntity, {
        where: { id: In(memberIds) },
        select: { id: true, role: true, status: true },
      })
    : [];
  const memberById = new Map(members.map((m) => [m.id, m]));
  for (const r of rsvps) {
    const member = memberById.get(r.memberId);
    if (!member) continue;
    byMeeting.get(r.meetingId)?.push({
      id: r.id,
      memberId: r.memberId,
      status: r.status,
      queuedAt: r.queuedAt,
      role: member.role,
      memberStatus: member.status,
    });
  }
  return byMeeting;
}

/**
 * Going / not going, with a waitlist when a meeting is full. A freed place goes to the first in
 * line at once, and they are told so.
 */
@Injectable()
export class RsvpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly access: MeetingAccessService,
    private readonly notifications: NotificationsService,
    private readonly notices: MeetingNotices,
  ) {}

  async respond(auth: RequestAuth, meetingId: string, dto: RsvpDto): Promise<RsvpResult> {
    const { access } = await this.access.requireMeeting(auth, meetingId, 'participate');
    const membership = access.membership!;
    const group = access.group;
    const outcome = await this.writes.run(async (m) => {
      const now = this.clock.now();
      // Touch the meeting first: on PostgreSQL this row lock serialises answers for one meeting,
      // so two people cannot both take the last place.
      await m.update(MeetingEntity, { id: meetingId }, { updatedAt: now });
      const meeting = await m.findOneByOrFail(MeetingEntity, { id: meetingId });
      if (meeting.cancelled) throw new DomainError('CONFLICT', 'This appointment is cancelled.');
      if (meeting.endsAt <= now) throw new DomainError('CONFLICT', 'This appointment is over.');
      const existing = await m.findOneBy(MeetingRsvpEntity, { meetingId, memberId: membership.id });
      const rows = (await loadTallyRsvps(m, [meetingId])).get(meetingId) ?? [];
      const isFacilitator = membership.role === 'facilitator';
      const status = this.nextStatus(
        dto.response,
        existing?.status ?? null,
        isFacilitator,
        tally(rows),
        placesOf(meeting, group),
      );
      // Line order must not depend on which instance's clock answered: under the meeting's lock,
      // each new place in line comes strictly after every earlier one.
      const lastQueued = Math.max(0, ...rows.map((r) => r.queuedAt.getTime()));
      const queuedAt = new Date(Math.max(now.getTime(), lastQueued + 1));
      if (!existing) {
        const row = {
          id: randomUUID(),
          meetingId,
          memberId: membership.id,
          status,
          queuedAt,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(MeetingRsvpEntity, row);
      } else if (existing.status !== status) {
        // Saying yes again puts a member at the back of the line.
        const requeued = status === 'not-going' ? existing.queuedAt : queuedAt;
        await m.update(MeetingRsvpEntity, { id: existing.id }, { status, queuedAt: requeued, updatedAt: now });
      }
      const promoted = await this.promoteIn(m, meeting, group);
      const after = tally((await loadTallyRsvps(m, [meetingId])).get(meetingId) ?? []);
      return { status, position: status === 'waitlisted' ? waitlistPosition(after, membership.id) : null, promoted };
    });
    this.notifications.publish(outcome.promoted);
    return { status: outcome.status, waitlistPosition: outcome.position };
  }

  private nextStatus(
    response: 'yes' | 'no',
    current: RsvpStatus | null,
    isFacilitator: boolean,
    t: Tally,
    places: number,
  ): RsvpStatus {
    if (response === 'no') return 'not-going';
    if (current === 'going' || current === 'waitlisted') return current;
    if (isFacilitator) return 'going';
    return t.going < places && t.waitlist.length === 0 ? 'going' : 'waitlisted';
  }

  /**
   * Gives free places to the first in line, in order, and tells each of them (inside the
   * caller's transaction; the caller publishes what this returns after the commit).
   */
  async promoteIn(
    manager: EntityManager,
    meeting: MeetingEntity,
    group: GroupEntity,
  ): Promise<(NotificationEntity | null)[]> {
    const now = this.clock.now();
    if (meeting.cancelled || meeting.endsAt <= now) return [];
    const t = tally((await loadTallyRsvps(manager, [meeting.id])).get(meeting.id) ?? []);
    const free = placesOf(meeting, group) - t.going;
    if (free <= 0 || t.waitlist.length === 0) return [];
    const chosen = t.waitlist.slice(0, free);
    await manager.update(MeetingRsvpEntity, { id: In(chosen.map((r) => r.id)) }, { status: 'going', updatedAt: now });
    const created: (NotificationEntity | null)[] = [];
    for (const rsvp of chosen) {
      created.push(
        await this.notices.notifyMember(manager, rsvp.memberId, group, 'waitlist-promoted', meeting.startsAt),
      );
    }
    return created;
  }

  /** The job's sweep: places freed without an RSVP change (a member left, more places) go to the line. */
  async promoteWaitlists(): Promise<void> {
    const now = this.clock.now();
    // Only meetings still to come with someone waiting; old waitlists are never looked at again.
    const meetings = await this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.ends_at > :now', { now: now.toISOString() })
      .andWhere('NOT m.cancelled')
      .andWhere(`EXISTS (SELECT 1 FROM meeting_rsvps r WHERE r.meeting_id = m.id AND r.status = 'waitlisted')`)
      .getMany();
    for (const meeting of meetings) {
      const created = await this.writes.run(async (m) => {
        const group = await this.access.groupIn(m, meeting.groupId);
        const fresh = await m.findOneBy(MeetingEntity, { id: meeting.id });
        return group && fresh ? this.promoteIn(m, fresh, group) : [];
      });
      this.notifications.publish(created);
    }
  }
}
