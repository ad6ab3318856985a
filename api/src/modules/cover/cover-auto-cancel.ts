import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { COVER_CARE_SETTINGS } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import type { GroupEntity } from '../groups/entities/group.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import type { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { MeetingsService } from '../scheduling/meetings.service';
import { ensureTracking, stillUncovered, uncoveredMeetings } from './cover-candidates';
import { autoCancelDue } from './cover-rules';
import { CoverTrackingEntity } from './entities/cover-tracking.entity';

const HOUR_MS = 3600_000;

/**
 * A meeting still uncovered `coverCancelHours` before its start is cancelled through scheduling's
 * ordinary cancellation, with its ordinary notice to the members going or waiting. Once per
 * meeting, ever: the tracking row is claimed in the same transaction, so neither a second instance
 * nor a facilitator restoring the meeting leads to a second cancellation.
 */
@Injectable()
export class CoverAutoCancel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  async cancelDue(): Promise<void> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + COVER_CARE_SETTINGS.coverCancelHours.max * HOUR_MS);
    const candidates = await uncoveredMeetings(this.dataSource.manager, now, horizon);
    for (const { meeting, group, tracking } of candidates) {
      if (tracking?.autoCancel || !autoCancelDue(meeting, group, now)) continue;
      const created = await this.writes.run((m) => this.cancelIn(m, meeting, group));
      if (created) await this.meetings.announceChanges(group.id, created);
    }
  }

  private async cancelIn(
    m: EntityManager,
    meeting: MeetingEntity,
    group: GroupEntity,
  ): Promise<(NotificationEntity | null)[] | null> {
    if (!(await stillUncovered(m, meeting.id))) return null;
    await ensureTracking(m, meeting.id);
    const claimed = await m
      .createQueryBuilder()
      .update(CoverTrackingEntity)
      .set({ autoCancel: 'done' })
      .where('meeting_id = :id AND auto_cancel IS NULL', { id: meeting.id })
      .execute();
    if (claimed.affected !== 1) return null;
    const created = await this.meetings.cancelIn(m, meeting, group);
    await this.audit.recordIn(m, 'meeting.cover.auto-cancelled', null, meeting.id);
    return created;
  }
}
