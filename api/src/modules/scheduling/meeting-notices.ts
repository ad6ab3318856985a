import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, type DataSource, type EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import type { AppointmentParams } from '../notifications/notification-texts';
import { NotificationsService } from '../notifications/notifications.service';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingRsvpEntity } from './entities/meeting-rsvp.entity';

type AppointmentKind = 'reminder-24h' | 'reminder-1h' | 'meeting-cancelled' | 'waitlist-promoted';

const HOUR_MS = 3600_000;

/**
 * What members are told about meetings. Privacy rule: the group's name appears only for a
 * member who opted in (`showGroupName`); the meeting's title never does.
 */
@Injectable()
export class MeetingNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  private params(member: MembershipEntity, group: GroupEntity, startsAt: Date): AppointmentParams {
    return {
      startsAt: startsAt.toISOString(),
      timezone: group.timezone,
      groupName: member.showGroupName ? group.name : null,
    };
  }

  async notifyMember(
    manager: EntityManager,
    memberId: string,
    group: GroupEntity,
    kind: AppointmentKind,
    startsAt: Date,
    dedupeKey?: string,
  ): Promise<NotificationEntity | null> {
    const member = await manager.findOneBy(MembershipEntity, { id: memberId });
    if (!member || member.status !== 'approved') return null;
    return this.notifications.notify(manager, member.accountId, kind, this.params(member, group, startsAt), {
      dedupeKey,
    });
  }

  /** Members going to (or waiting for) a meeting, approved only. */
  private async attendees(manager: EntityManager, meetingId: string): Promise<MembershipEntity[]> {
    const rsvps = await manager.find(MeetingRsvpEntity, { where: { meetingId, status: In(['going', 'waitlisted']) } });
    if (rsvps.length === 0) return [];
    return manager.find(MembershipEntity, { where: { id: In(rsvps.map((r) => r.memberId)), status: 'approved' } });
  }

  /** A move or cancellation, told to everyone going or waiting, inside the edit's transaction. */
  async notifyChange(
    manager: EntityManager,
    group: GroupEntity,
    before: { id: string; startsAt: Date },
    change: { cancelled: true } | { movedTo: Date },
  ): Promise<(NotificationEntity | null)[]> {
    const created: (NotificationEntity | null)[] = [];
    for (const member of await this.attendees(manager, before.id)) {
      if ('cancelled' in change) {
        created.push(
          await this.notifications.notify(
            manager,
            member.accountId,
            'meeting-cancelled',
            this.params(member, group, before.startsAt),
          ),
        );
      } else {
        created.push(
          await this.notifications.notify(manager, member.accountId, 'meeting-moved', {
            ...this.params(member, group, change.movedTo),
            previousStartsAt: before.startsAt.toISOString(),
          }),
        );
      }
    }
    return created;
  }

  /**
   * The reminders job: 24 h before, and 1 h before, a meeting a member is going to. Each is sent
   * once per meeting, member and start time (a moved meeting is reminded of again at its new time);
   * within the last hour only the 1 h reminder goes out.
   */
  async sendDueReminders(): Promise<void> {
    const now = this.clock.now();
    const meetings = await this.dataSource.getRepository(MeetingEntity).find({
      where: {
        cancelled: false,
        startsAt: And(MoreThan(now), LessThanOrEqual(new Date(now.getTime() + 24 * HOUR_MS))),
      },
    });
    for (const meeting of meetings) {
      const kind = meeting.startsAt.getTime() - now.getTime() <= HOUR_MS ? 'reminder-1h' : 'reminder-24h';
      const created = await this.writes.run(async (m) => {
        const group = await m.findOneBy(GroupEntity, { id: meeting.groupId });
        if (!group) return [];
        const going = await m.find(MeetingRsvpEntity, { where: { meetingId: meeting.id, status: 'going' } });
        const sent: (NotificationEntity | null)[] = [];
        for (const rsvp of going) {
          const key = `${kind}:${meeting.id}:${rsvp.memberId}:${meeting.startsAt.toISOString()}`;
          sent.push(await this.notifyMember(m, rsvp.memberId, group, kind, meeting.startsAt, key));
        }
        return sent;
      });
      this.notifications.publish(created);
    }
  }
}
