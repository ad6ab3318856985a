import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { AccountEntity } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import type { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import type { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { ensureTracking, stillUncovered, uncoveredMeetings } from './cover-candidates';
import { GAP_NOTICE_MS, gapNoticeDue } from './cover-rules';
import { CoverTrackingEntity } from './entities/cover-tracking.entity';

/**
 * The gap notice: 72 hours before a meeting nobody covers (at once when it is closer), the group's
 * facilitators and every admin get one `cover-gap` notification. Once per meeting and start time;
 * a meeting moved, or taken and given back, is told again.
 */
@Injectable()
export class CoverGapNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async sendDue(): Promise<void> {
    const now = this.clock.now();
    const candidates = await uncoveredMeetings(this.dataSource.manager, now, new Date(now.getTime() + GAP_NOTICE_MS));
    for (const { meeting, group, tracking } of candidates) {
      if (!gapNoticeDue(meeting, group, now)) continue;
      if (tracking?.gapNoticeStartsAt?.getTime() === meeting.startsAt.getTime()) continue;
      const created = await this.writes.run((m) => this.noticeIn(m, meeting, group));
      this.notifications.publish(created);
    }
  }

  private async noticeIn(m: EntityManager, meeting: MeetingEntity, group: GroupEntity): Promise<(NotificationEntity | null)[]> {
    if (!(await stillUncovered(m, meeting.id))) return [];
    await ensureTracking(m, meeting.id);
    // The claim: only the writer that moves the marker to this start time sends the notice.
    const claimed = await m
      .createQueryBuilder()
      .update(CoverTrackingEntity)
      .set({ gapNoticeStartsAt: meeting.startsAt })
      .where('meeting_id = :id', { id: meeting.id })
      .andWhere('(gap_notice_starts_at IS NULL OR gap_notice_starts_at <> :startsAt)', {
        startsAt: meeting.startsAt.toISOString(),
      })
      .execute();
    if (claimed.affected !== 1) return [];
    const created: (NotificationEntity | null)[] = [];
    for (const accountId of await this.staffOf(m, group.id)) {
      created.push(
        await this.notifications.notify(m, accountId, 'cover-gap', {
          startsAt: meeting.startsAt.toISOString(),
          timezone: group.timezone,
          groupName: group.name,
        }),
      );
    }
    await this.audit.recordIn(m, 'meeting.cover.gap-notice', null, meeting.id);
    return created;
  }

  /** The group's active facilitators and every active admin. */
  private async staffOf(m: EntityManager, groupId: string): Promise<string[]> {
    const facilitators = await m
      .createQueryBuilder(MembershipEntity, 'ms')
      .innerJoin(AccountEntity, 'a', 'a.id = ms.account_id')
      .where('ms.group_id = :groupId', { groupId })
      .andWhere("ms.role = 'facilitator' AND ms.status = 'approved' AND a.disabled_at IS NULL")
      .select('ms.account_id', 'accountId')
      .getRawMany<{ accountId: string }>();
    const admins = await m
      .createQueryBuilder(AccountEntity, 'a')
      .where("a.role = 'admin' AND a.disabled_at IS NULL")
      .select('a.id', 'accountId')
      .getRawMany<{ accountId: string }>();
    return [...new Set([...facilitators, ...admins].map((r) => r.accountId))];
  }
}
