import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ModeratedMember,
  ModerationLogDetails,
  MuteMemberDto,
  RemoveMemberDto,
  UnmuteMemberDto,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { type PreparedRemoval, MessageModeration } from './message-moderation.service';
import { GroupBanEntity } from '../membership/entities/group-ban.entity';
import type { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipDirectory } from '../membership/membership-directory';
import { MembershipService, toMember } from '../membership/membership.service';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { RoomRules } from '../room-rules/room-rules.service';
import { ModerationLog } from './moderation-log';
import { type FacilitatorContext, ModerationAccess } from './moderation-access';
import { ModerationNotices } from './moderation-notices';

/** An action on a member: written inside a transaction (possibly with a report's resolution), then made live. */
export interface MemberActionPlan {
  write(m: EntityManager): Promise<void>;
  /** After the commit, before the HTTP answer: in-memory views, notices, cuts, tombstones. */
  effects(): Promise<void>;
  readonly member: ModeratedMember;
}

export interface ActionOptions {
  reason: string;
  removeMessages?: boolean;
  /** Added to the log entry (e.g. the report this action resolves). */
  details?: ModerationLogDetails;
}

const MINUTE_MS = 60_000;

/**
 * Timed mute, unmute, removal and ban. Each takes effect on every instance before its HTTP answer:
 * the room rules or the membership views are changed everywhere (a send in the same tick is
 * refused), the member's sockets get a `moderation:notice`, and removal and ban cut them.
 */
@Injectable()
export class MemberModerationService {
  constructor(
    private readonly access: ModerationAccess,
    private readonly membership: MembershipService,
    private readonly directory: MembershipDirectory,
    private readonly rules: RoomRules,
    private readonly messages: MessageModeration,
    private readonly notices: ModerationNotices,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async mute(auth: RequestAuth, groupId: string, memberId: string, dto: MuteMemberDto): Promise<ModeratedMember> {
    const ctx = await this.access.facilitator(auth, groupId);
    return this.run(await this.planMute(auth, ctx, await this.access.target(ctx, memberId), dto.minutes, dto));
  }

  async unmute(auth: RequestAuth, groupId: string, memberId: string, dto: UnmuteMemberDto): Promise<ModeratedMember> {
    const ctx = await this.access.facilitator(auth, groupId);
    const target = await this.access.target(ctx, memberId);
    const rules = await this.rules.rules(groupId);
    if (rules.mutedUntil(target.id, this.clock.nowMs()) === null)
      throw new DomainError('CONFLICT', 'This member is not muted.');
    const plan: MemberActionPlan = {
      member: { ...toMember(target), mutedUntil: null },
      write: async (m) => {
        await this.rules.unmuteIn(m, target.id);
        await this.log.recordIn(m, {
          groupId,
          action: 'unmuted',
          actorMemberId: ctx.actor.id,
          targetMemberId: target.id,
          reason: dto.reason,
        });
        await this.audit.recordIn(m, 'moderation.unmuted', auth.accountId, target.id);
      },
      effects: async () => {
        await this.rules.mutesChanged(groupId);
        await this.notices.notify(target.id, { groupId, kind: 'unmuted' });
      },
    };
    return this.run(plan);
  }

  async remove(auth: RequestAuth, groupId: string, memberId: string, dto: RemoveMemberDto): Promise<ModeratedMember> {
    const ctx = await this.access.facilitator(auth, groupId);
    return this.run(await this.planRemoval(auth, ctx, await this.access.target(ctx, memberId), 'removed', dto));
  }

  async ban(auth: RequestAuth, groupId: string, memberId: string, dto: RemoveMemberDto): Promise<ModeratedMember> {
    const ctx = await this.access.facilitator(auth, groupId);
    return this.run(await this.planRemoval(auth, ctx, await this.access.target(ctx, memberId), 'banned', dto));
  }

  private async run(plan: MemberActionPlan): Promise<ModeratedMember> {
    await this.writes.run((m) => plan.write(m));
    await plan.effects();
    return plan.member;
  }

  /** A timed mute (a new mute replaces a running one); the member stays connected and is told until when. */
  async planMute(
    auth: RequestAuth,
    ctx: FacilitatorContext,
    target: MembershipEntity,
    minutes: number,
    options: ActionOptions,
  ): Promise<MemberActionPlan> {
    if (target.status !== 'approved') throw new DomainError('CONFLICT', 'Only an approved member can be muted.');
    const now = this.clock.now();
    const until = new Date(now.getTime() + minutes * MINUTE_MS);
    const removal = options.removeMessages
      ? await this.messages.prepareAllOf(ctx.groupId, target.id, options.reason)
      : null;
    return {
      member: { ...toMember(target), mutedUntil: until.toISOString() },
      write: async (m) => {
        await this.rules.muteIn(m, ctx.groupId, target.id, until);
        await removal?.write(m);
        await this.log.recordIn(m, {
          groupId: ctx.groupId,
          action: 'muted',
          actorMemberId: ctx.actor.id,
          targetMemberId: target.id,
          reason: options.reason,
          expiresAt: until,
          details: this.details(options, removal),
        });
        await this.audit.recordIn(m, 'moderation.muted', auth.accountId, target.id);
      },
      effects: async () => {
        await this.rules.mutesChanged(ctx.groupId);
        await this.notices.notify(target.id, { groupId: ctx.groupId, kind: 'muted', until: until.toISOString() });
        await removal?.broadcast();
      },
    };
  }

  /**
   * Removal or ban. A ban also keeps the keyed hash of the member's client reference and their
   * account id, so the same person is refused a later referral (409 BANNED) or redeem.
   */
  async planRemoval(
    auth: RequestAuth,
    ctx: FacilitatorContext,
    target: MembershipEntity,
    status: 'removed' | 'banned',
    options: ActionOptions,
  ): Promise<MemberActionPlan> {
    const allowed =
      status === 'removed' ? target.status === 'pending' || target.status === 'approved' : target.status !== 'banned';
    if (!allowed)
      throw new DomainError(
        'CONFLICT',
        status === 'removed' ? 'This person is no longer in the group.' : 'This person is already banned.',
      );
    const removal = options.removeMessages
      ? await this.messages.prepareAllOf(ctx.groupId, target.id, options.reason)
      : null;
    return {
      member: { ...toMember(target), status, mutedUntil: null },
      write: async (m) => {
        await this.membership.setStatusIn(m, target, status);
        await this.rules.unmuteIn(m, target.id);
        if (status === 'banned') {
          const referral = await m.findOne(ReferralEntity, {
            where: { membershipId: target.id },
            select: { clientReferenceHash: true },
          });
          await m.insert(GroupBanEntity, {
            id: randomUUID(),
            groupId: ctx.groupId,
            accountId: target.accountId,
            clientReferenceHash: referral?.clientReferenceHash ?? null,
            createdAt: this.clock.now(),
          });
        }
        await removal?.write(m);
        await this.log.recordIn(m, {
          groupId: ctx.groupId,
          action: status,
          actorMemberId: ctx.actor.id,
          targetMemberId: target.id,
          reason: options.reason,
          details: this.details(options, removal),
        });
        await this.audit.recordIn(m, `moderation.${status}`, auth.accountId, target.id);
      },
      effects: async () => {
        // Everywhere before the answer: refused on every instance, then cut on every instance.
        await this.directory.changed(ctx.groupId);
        await this.notices.notifyAndCut(target.id, { groupId: ctx.groupId, kind: status });
        await removal?.broadcast();
      },
    };
  }

  private details(options: ActionOptions, removal: PreparedRemoval | null): ModerationLogDetails | null {
    const details: ModerationLogDetails = {
      ...options.details,
      ...(removal ? { messagesRemoved: removal.count } : {}),
    };
    return Object.keys(details).length > 0 ? details : null;
  }
}
