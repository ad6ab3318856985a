import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { ModerationLogDetails, ModerationLogItem, ModerationSummary, Page } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import type { RequestAuth } from '../../common/request-auth';
import { ChatService } from '../chat/chat.service';
import { MessageEntity } from '../chat/entities/message.entity';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { ModerationSealing } from './moderation-sealing';
import { RoomRules } from '../room-rules/room-rules.service';
import { ReportEntity } from './entities/report.entity';
import { ModerationAccess } from './moderation-access';

const PAGE_SIZE = 50;

/** The group's moderation log for its facilitators (newest first), and what waits in their queues. */
@Injectable()
export class ModerationLogService {
  constructor(
    @InjectRepository(ModerationLogEntryEntity) private readonly entries: Repository<ModerationLogEntryEntity>,
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    @InjectRepository(SafetyAlertEntity) private readonly alerts: Repository<SafetyAlertEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly access: ModerationAccess,
    private readonly chat: ChatService,
    private readonly sealing: ModerationSealing,
    private readonly rules: RoomRules,
    private readonly clock: Clock,
  ) {}

  async list(auth: RequestAuth, groupId: string, cursor?: string): Promise<Page<ModerationLogItem>> {
    await this.access.facilitator(auth, groupId);
    const qb = this.entries.createQueryBuilder('e').where('e.group_id = :groupId', { groupId });
    const after = decodeCursor(cursor);
    if (after)
      qb.andWhere('(e.created_at < :at OR (e.created_at = :at AND e.id < :id))', { at: after.at, id: after.id });
    const rows = await qb
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(PAGE_SIZE + 1)
      .getMany();
    const page = rows.slice(0, PAGE_SIZE);
    const names = await this.chat.displayNames(groupId);
    const last = rows.length > PAGE_SIZE ? page.at(-1)! : null;
    return {
      items: page.map((e) => ({
        id: e.id,
        action: e.action,
        actorDisplayName: e.actorMemberId ? (names.get(e.actorMemberId) ?? null) : null,
        targetMemberId: e.targetMemberId,
        messageId: e.messageId,
        reason: this.sealing.open('moderation_log.reason', e.reasonSealed, e.id, e.groupId) ?? '',
        expiresAt: e.expiresAt?.toISOString() ?? null,
        createdAt: e.createdAt.toISOString(),
        details: e.details ? (JSON.parse(e.details) as ModerationLogDetails) : null,
      })),
      nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async summary(auth: RequestAuth, groupId: string): Promise<ModerationSummary> {
    await this.access.facilitator(auth, groupId);
    const [openReports, openSafetyAlerts, heldMessages, group] = await Promise.all([
      this.reports.countBy({ groupId, status: 'open' }),
      this.alerts.countBy({ groupId, status: 'open' }),
      this.messages.countBy({ groupId, status: 'held', removed: IsNull() }),
      this.rules.rules(groupId),
    ]);
    const mutes = group
      .activeMutes(this.clock.nowMs())
      .map((m) => ({ memberId: m.memberId, until: new Date(m.until).toISOString() }));
    return { openReports, openSafetyAlerts, heldMessages, mutes };
  }
}
