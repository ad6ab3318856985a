import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { Member, MemberDetail } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { MembershipEntity } from '../membership/entities/membership.entity';
import type { GroupAccess } from '../membership/membership-access';
import { MembershipDirectory } from '../membership/membership-directory';
import { NotificationsService } from '../notifications/notifications.service';
import { MembershipService, toMember } from '../membership/membership.service';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { mustKeepApart } from '../referrals/keep-apart';
import { ReferralsService } from '../referrals/referrals.service';

type Decision = 'approved' | 'declined';

/**
 * Intake: the group's facilitators meet each referred person through the coordinator's note and
 * approve or decline them. The second line of defence against a stalker joining (PRODUCT.md threat 1).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly membership: MembershipService,
    private readonly referrals: ReferralsService,
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: MembershipDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  /** Facilitators get the referral note with the member, and every such read is audited. */
  async getMember(auth: RequestAuth, groupId: string, memberId: string): Promise<Member | MemberDetail> {
    const access = await this.membership.requireAccess(auth, groupId, 'participate');
    const member = await this.membership.getMember(access, memberId);
    if (!access.isFacilitator) return toMember(member);
    const referral = await this.referrals.findByMembership(member.id);
    const referralNote = referral ? this.referrals.openNote(referral) : null;
    if (referral?.noteSealed) await this.audit.record('referral-note.read', auth.accountId, member.id);
    return { ...toMember(member), referralNote, joinedAt: member.createdAt.toISOString() };
  }

  approve(auth: RequestAuth, groupId: string, memberId: string): Promise<Member> {
    return this.decide(auth, groupId, memberId, 'approved');
  }

  decline(auth: RequestAuth, groupId: string, memberId: string): Promise<Member> {
    return this.decide(auth, groupId, memberId, 'declined');
  }

  private async decide(auth: RequestAuth, groupId: string, memberId: string, decision: Decision): Promise<Member> {
    const access = await this.membership.requireAccess(auth, groupId, 'facilitate');
    const candidate = await this.membership.findInGroup(groupId, memberId);
    if (!candidate || candidate.role !== 'member') throw new DomainError('NOT_FOUND');
    const outcome = await this.writes.run(async (m) => {
      const current = await m.findOneByOrFail(MembershipEntity, { id: candidate.id });
      if (current.status !== 'pending') throw new DomainError('CONFLICT', 'This person is not waiting for a decision.');
      const referral = await m.findOneBy(ReferralEntity, { membershipId: current.id });
      if (decision === 'approved') {
        const clash = await this.keepApartClash(m, access, referral);
        // Refused, but the coordinators must still be told: that is recorded after this transaction.
        if (clash) return { clash: [referral!, clash] as const, updated: null, notice: null };
        if ((await this.membership.countApprovedMembers(m, groupId)) >= access.group.capacity) throw new DomainError('GROUP_FULL');
      }
      const updated = await this.membership.setStatusIn(m, current, decision);
      if (referral) await m.update(ReferralEntity, { id: referral.id }, { status: decision, updatedAt: this.clock.now() });
      await this.audit.recordIn(m, decision === 'approved' ? 'intake.approved' : 'intake.declined', auth.accountId, current.id);
      // Neutral words; the group is named only if the member opted in (never at this point).
      const notice =
        decision === 'approved'
          ? await this.notifications.notify(m, current.accountId, 'intake-approved', { groupName: null })
          : await this.notifications.notify(m, current.accountId, 'intake-declined', {});
      return { clash: null, updated, notice };
    });
    await this.directory.changed(groupId);
    this.notifications.publish([outcome.notice ?? null]);
    if (outcome.clash) {
      await this.recordKeepApartMatch(auth, outcome.clash);
      throw new DomainError('KEEP_APART');
    }
    return toMember(outcome.updated!);
  }

  /** The referral of an approved member that must be kept apart from this one, if any. */
  private async keepApartClash(m: EntityManager, access: GroupAccess, referral: ReferralEntity | null): Promise<ReferralEntity | null> {
    if (!referral) return null;
    const candidate = this.referrals.matchView(referral);
    if (candidate.clientReferenceHashes.length === 0 && candidate.keepApart.length === 0) return null;
    const approved = await m.find(MembershipEntity, {
      where: { groupId: access.group.id, role: 'member', status: 'approved' },
      select: { id: true },
    });
    if (approved.length === 0) return null;
    const others = await m.find(ReferralEntity, { where: { membershipId: In(approved.map((a) => a.id)) } });
    return others.find((other) => mustKeepApart(candidate, this.referrals.matchView(other))) ?? null;
  }

  /**
   * Marks both referrals so each coordinator sees that their client could not be placed, and audits
   * it. Neither coordinator, nor the facilitator, learns who the other person is.
   */
  private async recordKeepApartMatch(auth: RequestAuth, referrals: readonly ReferralEntity[]): Promise<void> {
    const now = this.clock.now();
    const sent = await this.writes.run(async (m) => {
      const notices = [];
      for (const referral of referrals) {
        await m.update(ReferralEntity, { id: referral.id }, { keepApartMatchedAt: now, updatedAt: now });
        await this.audit.recordIn(m, 'keep-apart.matched', auth.accountId, referral.id);
        if (referral.coordinatorId) notices.push(await this.notifications.notify(m, referral.coordinatorId, 'keep-apart-match', {}));
      }
      return notices;
    });
    this.notifications.publish(sent);
  }
}
