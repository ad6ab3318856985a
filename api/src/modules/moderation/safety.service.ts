import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type {
  OwnSafetyAlert,
  QueuePage,
  QueueQueryDto,
  RaiseSafetyDto,
  ResolveSafetyDto,
  SafetyAlertItem,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { ChatService } from '../chat/chat.service';
import { MessageEntity } from '../chat/entities/message.entity';
import { MessageSealing } from '../chat/message-sealing';
import { viewMessage } from '../chat/message-view';
import { MembershipDirectory } from '../membership/membership-directory';
import { MembershipService } from '../membership/membership.service';
import { MemberVisibility } from '../membership/member-visibility';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { ModerationLog } from './moderation-log';
import { ModerationSealing } from './moderation-sealing';
import { SafetyAlerts } from './safety-alerts';
import { ModerationAccess } from './moderation-access';

const PAGE_SIZE = 50;

const invalid = (field: string, message: string) => new DomainError('VALIDATION', message, [{ field, message }]);

/**
 * "I'm not safe right now" and "I think I know this person": private alerts to the group's
 * facilitators, never to the other members, kept in a queue until a facilitator resolves them.
 * The second hides the two members FROM EACH OTHER until a facilitator resolves it, so it can
 * never be turned into a way to watch someone unseen; and a member hidden from the caller is
 * answered about exactly like one who left.
 */
@Injectable()
export class SafetyService {
  constructor(
    @InjectRepository(SafetyAlertEntity) private readonly alerts: Repository<SafetyAlertEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly access: ModerationAccess,
    private readonly membership: MembershipService,
    private readonly store: SafetyAlerts,
    private readonly visibility: MemberVisibility,
    private readonly directory: MembershipDirectory,
    private readonly chat: ChatService,
    private readonly messageSealing: MessageSealing,
    private readonly sealing: ModerationSealing,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async raise(auth: RequestAuth, groupId: string, dto: RaiseSafetyDto): Promise<OwnSafetyAlert> {
    const ctx = await this.access.member(auth, groupId);
    if (dto.kind === 'not-safe' && dto.aboutMemberId !== undefined)
      throw invalid('aboutMemberId', "only with kind 'knows-member'");
    if (dto.kind === 'knows-member') {
      if (dto.aboutMemberId === undefined) throw invalid('aboutMemberId', "required with kind 'knows-member'");
      const about = await this.membership.findInGroup(groupId, dto.aboutMemberId);
      // The caller's own open alert about them: they know of it already. Answered before looking
      // at whether the other is still here, so a repeat cannot tell the caller that they left.
      if (
        about &&
        (await this.alerts.existsBy({
          groupId,
          kind: 'knows-member',
          status: 'open',
          fromMemberId: ctx.me.id,
          aboutMemberId: about.id,
        }))
      ) {
        throw new DomainError('CONFLICT', 'The facilitators already have this.');
      }
      if (!about || about.role !== 'member' || about.status !== 'approved' || about.id === ctx.me.id) {
        throw invalid('aboutMemberId', 'must be another member of this group');
      }
      // Someone hidden from the caller is answered about exactly like someone who left.
      if ((await this.visibility.group(groupId)).hidden(ctx.me.id, about.id)) {
        throw invalid('aboutMemberId', 'must be another member of this group');
      }
    }
    const alert = await this.writes.run(async (m) => {
      const created = await this.store.createIn(m, {
        groupId,
        kind: dto.kind,
        fromMemberId: ctx.me.id,
        aboutMemberId: dto.aboutMemberId,
      });
      if (created.kind === 'knows-member') await this.visibility.hideIn(m, groupId, ctx.me.id, created.aboutMemberId!, created.id);
      // No actor in the audit trail: the alert is between the member and the facilitators.
      await this.audit.recordIn(m, `safety.${dto.kind}`, null, created.id);
      return created;
    });
    if (alert.kind === 'knows-member') {
      // Hidden from each other on every instance before the answer; presence lists follow.
      await this.directory.changed(groupId);
    }
    this.store.announce(alert);
    return {
      id: alert.id,
      groupId,
      kind: dto.kind,
      aboutMemberId: alert.aboutMemberId,
      status: alert.status,
      createdAt: alert.createdAt.toISOString(),
    };
  }

  /** The facilitators' queue, newest first; `unread` counts the open ones. */
  async list(auth: RequestAuth, groupId: string, query: QueueQueryDto): Promise<QueuePage<SafetyAlertItem>> {
    const ctx = await this.access.facilitator(auth, groupId);
    const qb = this.alerts.createQueryBuilder('a').where('a.group_id = :groupId', { groupId });
    if (query.status === 'open') qb.andWhere("a.status = 'open'");
    const after = decodeCursor(query.cursor);
    if (after)
      qb.andWhere('(a.created_at < :at OR (a.created_at = :at AND a.id < :id))', { at: after.at, id: after.id });
    const [rows, unread] = await Promise.all([
      qb
        .orderBy('a.created_at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .take(PAGE_SIZE + 1)
        .getMany(),
      this.alerts.countBy({ groupId, status: 'open' }),
    ]);
    const page = rows.slice(0, PAGE_SIZE);
    const last = rows.length > PAGE_SIZE ? page.at(-1)! : null;
    return {
      items: await this.toItems(page, ctx.actor.id),
      nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      unread,
    };
  }

  async resolve(auth: RequestAuth, alertId: string, dto: ResolveSafetyDto): Promise<SafetyAlertItem> {
    const alert = await this.alerts.findOneBy({ id: alertId });
    if (!alert) throw new DomainError('NOT_FOUND');
    const ctx = await this.access.facilitator(auth, alert.groupId);
    if (alert.status !== 'open') throw new DomainError('CONFLICT', 'This alert is already resolved.');
    const now = this.clock.now();
    const resolved: SafetyAlertEntity = {
      ...alert,
      status: 'resolved',
      resolutionNoteSealed: this.sealing.seal('safety_alerts.resolution_note', dto.note, alert.id, alert.groupId),
      resolvedByMemberId: ctx.actor.id,
      resolvedAt: now,
    };
    await this.writes.run(async (m) => {
      const { id: _id, ...changes } = resolved;
      const updated = await m.update(SafetyAlertEntity, { id: alert.id, status: 'open' }, changes);
      if (!updated.affected) throw new DomainError('CONFLICT', 'This alert is already resolved.');
      await this.log.recordIn(m, {
        groupId: alert.groupId,
        action: 'safety-resolved',
        actorMemberId: ctx.actor.id,
        targetMemberId: alert.fromMemberId,
        messageId: alert.messageId,
        reason: dto.note,
        details: { safetyAlertId: alert.id },
      });
      await this.visibility.liftIn(m, alert.id);
      await this.audit.recordIn(m, 'safety.resolved', auth.accountId, alert.id);
    });
    if (alert.kind === 'knows-member') {
      // The facilitator decided: the two see each other again.
      await this.directory.changed(alert.groupId);
    }
    const [item] = await this.toItems([resolved], ctx.actor.id);
    return item;
  }

  private async toItems(rows: SafetyAlertEntity[], viewerMemberId: string): Promise<SafetyAlertItem[]> {
    if (rows.length === 0) return [];
    const groupId = rows[0].groupId;
    const messageIds = [...new Set(rows.map((r) => r.messageId).filter((id): id is string => id !== null))];
    const [messages, names] = await Promise.all([
      messageIds.length > 0 ? this.messages.findBy({ id: In(messageIds) }) : Promise.resolve([]),
      this.chat.authors(groupId),
    ]);
    const byId = new Map(messages.map((m) => [m.id, m]));
    return rows.map((r) => {
      const message = r.messageId ? byId.get(r.messageId) : undefined;
      return {
        id: r.id,
        groupId: r.groupId,
        kind: r.kind,
        fromMemberId: r.fromMemberId,
        fromDisplayName: r.fromMemberId ? (names.get(r.fromMemberId)?.displayName ?? null) : null,
        aboutMemberId: r.aboutMemberId,
        aboutDisplayName: r.aboutMemberId ? (names.get(r.aboutMemberId)?.displayName ?? null) : null,
        messageId: r.messageId,
        message: message
          ? viewMessage(message, { memberId: viewerMemberId, isFacilitator: true }, names, this.messageSealing)
          : null,
        status: r.status,
        resolutionNote: this.sealing.open('safety_alerts.resolution_note', r.resolutionNoteSealed, r.id, r.groupId),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }
}
