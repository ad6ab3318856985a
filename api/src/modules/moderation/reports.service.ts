import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { OwnReport, QueuePage, QueueQueryDto, Report, ReportMessageDto, ResolveReportDto } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { ChatService } from '../chat/chat.service';
import { MessageEntity } from '../chat/entities/message.entity';
import { MessageModeration } from './message-moderation.service';
import { MessageSealing } from '../chat/message-sealing';
import { viewMessage } from '../chat/message-view';
import { ModerationLog } from './moderation-log';
import { ModerationSealing } from './moderation-sealing';
import { ReportEntity } from './entities/report.entity';
import { type FacilitatorContext, ModerationAccess } from './moderation-access';
import { type MemberActionPlan, MemberModerationService } from './member-moderation.service';
import { ModerationNotices } from './moderation-notices';

const PAGE_SIZE = 50;

/**
 * Members report messages to their group's own facilitators; the facilitators resolve each report,
 * optionally carrying out an action in the same step.
 *
 * Privacy rule: a report never names the reporter — not in any answer, event or log entry the
 * facilitators get, and never to the reported member; the reporter is stored only to refuse a
 * repeat and to export the reporter's own data.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly access: ModerationAccess,
    private readonly chat: ChatService,
    private readonly messageModeration: MessageModeration,
    private readonly members: MemberModerationService,
    private readonly messageSealing: MessageSealing,
    private readonly sealing: ModerationSealing,
    private readonly notices: ModerationNotices,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async report(auth: RequestAuth, groupId: string, messageId: string, dto: ReportMessageDto): Promise<OwnReport> {
    const ctx = await this.access.member(auth, groupId);
    const message = await this.messages.findOneBy({ id: messageId, groupId });
    // Only what the member could have seen: delivered after their approval. A writer hidden from
    // the reporter is treated like one who left (whose messages can still be reported), so the
    // answer tells nothing about the hide.
    const visible =
      message !== null &&
      (message.memberId === ctx.me.id ||
        (message.status === 'delivered' && ctx.me.approvedAt !== null && message.createdAt >= ctx.me.approvedAt));
    if (!message || !visible) throw new DomainError('NOT_FOUND');
    if (message.memberId === ctx.me.id)
      throw new DomainError('VALIDATION', 'You cannot report your own message.', [
        { field: 'messageId', message: 'your own message' },
      ]);
    if (message.removed) throw new DomainError('CONFLICT', 'This message is already removed.');
    if (await this.reports.existsBy({ messageId, reporterMemberId: ctx.me.id, status: 'open' })) {
      throw new DomainError('CONFLICT', 'You have already reported this message.');
    }
    const id = randomUUID();
    const report: ReportEntity = {
      id,
      groupId,
      messageId,
      reporterMemberId: ctx.me.id,
      reportedMemberId: message.memberId,
      category: dto.category,
      noteSealed: this.sealing.seal('reports.note', dto.note, id, groupId),
      status: 'open',
      action: null,
      resolutionNoteSealed: null,
      resolvedByMemberId: null,
      resolvedAt: null,
      createdAt: this.clock.now(),
    };
    await this.writes.run(async (m) => {
      await m.insert(ReportEntity, report);
      // No actor: not even the audit trail links the report to its reporter.
      await this.audit.recordIn(m, 'report.created', null, id);
    });
    const [shown] = await this.toReports([report], null);
    this.notices.reportNew(shown);
    return {
      id,
      groupId,
      messageId,
      category: report.category,
      note: dto.note ?? null,
      status: report.status,
      createdAt: report.createdAt.toISOString(),
    };
  }

  /** The facilitators' queue, newest first; `unread` counts the open ones. */
  async list(auth: RequestAuth, groupId: string, query: QueueQueryDto): Promise<QueuePage<Report>> {
    const ctx = await this.access.facilitator(auth, groupId);
    const qb = this.reports.createQueryBuilder('r').where('r.group_id = :groupId', { groupId });
    if (query.status === 'open') qb.andWhere("r.status = 'open'");
    const after = decodeCursor(query.cursor);
    if (after)
      qb.andWhere('(r.created_at < :at OR (r.created_at = :at AND r.id < :id))', { at: after.at, id: after.id });
    const [rows, unread] = await Promise.all([
      qb
        .orderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .take(PAGE_SIZE + 1)
        .getMany(),
      this.reports.countBy({ groupId, status: 'open' }),
    ]);
    const page = rows.slice(0, PAGE_SIZE);
    const last = rows.length > PAGE_SIZE ? page.at(-1)! : null;
    return {
      items: await this.toReports(page, ctx.actor.id),
      nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      unread,
    };
  }

  async resolve(auth: RequestAuth, reportId: string, dto: ResolveReportDto): Promise<Report> {
    const report = await this.reports.findOneBy({ id: reportId });
    if (!report) throw new DomainError('NOT_FOUND');
    const ctx = await this.access.facilitator(auth, report.groupId);
    checkResolution(dto);
    if (report.status !== 'open') throw new DomainError('CONFLICT', 'This report is already resolved.');
    const reason = dto.note ?? '';
    const details = { reportId: report.id, reportCategory: report.category };
    const plan = dto.action ? await this.planAction(auth, ctx, report, dto, reason, details) : null;
    const now = this.clock.now();
    const resolved: ReportEntity = {
      ...report,
      status: dto.resolution,
      action: dto.action ?? null,
      resolutionNoteSealed: this.sealing.seal('reports.resolution_note', dto.note, report.id, report.groupId),
      resolvedByMemberId: ctx.actor.id,
      resolvedAt: now,
    };
    await this.writes.run(async (m) => {
      const { id: _id, ...changes } = resolved;
      const updated = await m.update(ReportEntity, { id: report.id, status: 'open' }, changes);
      if (!updated.affected) throw new DomainError('CONFLICT', 'This report is already resolved.');
      // One log entry per resolution: the action's own, or the outcome when there is no action.
      if (plan) await plan.write(m);
      else {
        await this.log.recordIn(m, {
          groupId: report.groupId,
          action: dto.resolution === 'dismissed' ? 'report-dismissed' : 'report-actioned',
          actorMemberId: ctx.actor.id,
          targetMemberId: report.reportedMemberId,
          messageId: report.messageId,
          reason,
          details,
        });
      }
      await this.audit.recordIn(m, 'report.resolved', auth.accountId, report.id);
    });
    await plan?.effects();
    const [shown] = await this.toReports([resolved], ctx.actor.id);
    return shown;
  }

  private async planAction(
    auth: RequestAuth,
    ctx: FacilitatorContext,
    report: ReportEntity,
    dto: ResolveReportDto,
    reason: string,
    details: { reportId: string; reportCategory: ReportEntity['category'] },
  ): Promise<Pick<MemberActionPlan, 'write' | 'effects'>> {
    if (dto.action === 'remove-message') {
      const removal = await this.messageModeration.prepareOne(report.groupId, report.messageId, reason);
      if (!removal) throw new DomainError('CONFLICT', 'This message is already removed.');
      return {
        write: async (m) => {
          await removal.write(m);
          await this.log.recordIn(m, {
            groupId: report.groupId,
            action: 'message-removed',
            actorMemberId: ctx.actor.id,
            targetMemberId: report.reportedMemberId,
            messageId: report.messageId,
            reason,
            details,
          });
          await this.audit.recordIn(m, 'moderation.message-removed', auth.accountId, report.messageId);
        },
        effects: () => removal.broadcast(),
      };
    }
    if (!report.reportedMemberId) throw new DomainError('CONFLICT', 'The writer is no longer a member.');
    const target = await this.access.target(ctx, report.reportedMemberId);
    const options = { reason, details };
    if (dto.action === 'mute') return this.members.planMute(auth, ctx, target, dto.minutes!, options);
    return this.members.planRemoval(auth, ctx, target, dto.action === 'remove' ? 'removed' : 'banned', options);
  }

  /** Reports as the facilitators see them, with the message in the facilitators' shape. */
  private async toReports(rows: ReportEntity[], viewerMemberId: string | null): Promise<Report[]> {
    if (rows.length === 0) return [];
    const groupId = rows[0].groupId;
    const [messages, names] = await Promise.all([
      this.messages.findBy({ id: In([...new Set(rows.map((r) => r.messageId))]) }),
      this.chat.authors(groupId),
    ]);
    const byId = new Map(messages.map((m) => [m.id, m]));
    return rows.map((r) => {
      const message = byId.get(r.messageId);
      return {
        id: r.id,
        groupId: r.groupId,
        messageId: r.messageId,
        message: message
          ? viewMessage(message, { memberId: viewerMemberId, isFacilitator: true }, names, this.messageSealing)
          : null,
        reportedMemberId: r.reportedMemberId,
        category: r.category,
        note: this.sealing.open('reports.note', r.noteSealed, r.id, r.groupId),
        status: r.status,
        action: r.action,
        resolutionNote: this.sealing.open('reports.resolution_note', r.resolutionNoteSealed, r.id, r.groupId),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }
}

/** `action` only with `actioned`; `minutes` exactly with `mute`. */
function checkResolution(dto: ResolveReportDto): void {
  if (dto.action && dto.resolution !== 'actioned') {
    throw new DomainError('VALIDATION', 'An action needs the resolution "actioned".', [
      { field: 'action', message: 'only with resolution actioned' },
    ]);
  }
  if (dto.action === 'mute' && dto.minutes === undefined) {
    throw new DomainError('VALIDATION', 'A mute needs minutes.', [
      { field: 'minutes', message: "required with action 'mute'" },
    ]);
  }
  if (dto.action !== 'mute' && dto.minutes !== undefined) {
    throw new DomainError('VALIDATION', 'Minutes go with a mute only.', [
      { field: 'minutes', message: "only with action 'mute'" },
    ]);
  }
}
