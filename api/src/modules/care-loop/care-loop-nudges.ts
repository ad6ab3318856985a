import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { AttendanceService } from '../scheduling/attendance.service';
import { type CareLoopStep, careLoopStep } from './care-loop-rules';
import { coordinatorAvailable, referralOf } from './referring-coordinator';

/**
 * The care loop's job. For each approved member who opted in (or whose coordinator was told):
 * their `missedInARow` as the facilitators see it decides whether the referring coordinator is
 * told now, whether the count they see is kept current, or whether the loop starts over because
 * the member attended. The coordinator learns the client reference (sealed, rendered when read),
 * the group and the count — never anything that was said. Every nudge is audited, without content.
 */
@Injectable()
export class CareLoopNudges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async run(): Promise<void> {
    const members = await this.dataSource.getRepository(MembershipEntity).find({
      where: [
        { role: 'member', status: 'approved', careLoop: true },
        { role: 'member', status: 'approved', careLoopSentAt: Not(IsNull()) },
      ],
    });
    await this.forgetUnfollowed(members.filter((m) => m.careLoop && m.careLoopSentAt).map((m) => m.id));
    const byGroup = new Map<string, MembershipEntity[]>();
    for (const member of members) byGroup.set(member.groupId, [...(byGroup.get(member.groupId) ?? []), member]);
    for (const [groupId, groupMembers] of byGroup) {
      const group = await this.dataSource.getRepository(GroupEntity).findOneBy({ id: groupId });
      if (!group) continue;
      const summaries = await this.attendance.summaries(groupId, groupMembers);
      for (const [i, member] of groupMembers.entries()) {
        const missed = summaries[i].missedInARow;
        // Decided on a read first, so a run where nothing changes writes nothing; decided again
        // inside the write, which is what counts.
        if ((await this.decide(this.dataSource.manager, member.id, group, missed)) === null) continue;
        const created = await this.writes.run((m) => this.stepIn(m, member.id, group, missed));
        this.notifications.publish(created);
      }
    }
  }

  /** The step for one member now, or null when it would change nothing. */
  private async decide(
    m: EntityManager,
    memberId: string,
    group: GroupEntity,
    missed: number,
  ): Promise<{ step: Exclude<CareLoopStep, 'none'>; member: MembershipEntity; referral: ReferralEntity | null } | null> {
    const member = await m.findOneBy(MembershipEntity, { id: memberId });
    if (!member || member.status !== 'approved' || member.role !== 'member') return null;
    const referral = await referralOf(m, member.id);
    const step = careLoopStep({
      careLoop: member.careLoop,
      sentAt: member.careLoopSentAt,
      missedInARow: missed,
      after: group.careLoopAfter,
      coordinatorAvailable: await coordinatorAvailable(m, referral),
    });
    if (step === 'none') return null;
    if (step === 'withdraw' && !referral?.careSince) return null;
    if (
      step === 'follow' &&
      (!referral ||
        (referral.careMissed === missed && referral.careSince?.getTime() === member.careLoopSentAt?.getTime()))
    )
      return null;
    return { step, member, referral };
  }

  private async stepIn(
    m: EntityManager,
    memberId: string,
    group: GroupEntity,
    missed: number,
  ): Promise<(NotificationEntity | null)[]> {
    const decided = await this.decide(m, memberId, group, missed);
    if (!decided) return [];
    const { step, member: fresh, referral } = decided;
    switch (step) {
      case 'reset':
        await m.update(MembershipEntity, { id: fresh.id }, { careLoopSentAt: null });
        if (referral) await m.update(ReferralEntity, { id: referral.id }, { careSince: null, careMissed: null });
        await this.audit.recordIn(m, 'care-loop.reset', null, fresh.id);
        return [];
      case 'withdraw':
        await m.update(ReferralEntity, { id: referral!.id }, { careSince: null, careMissed: null });
        return [];
      case 'follow':
        await m.update(ReferralEntity, { id: referral!.id }, { careSince: fresh.careLoopSentAt, careMissed: missed });
        return [];
      case 'nudge':
        return this.nudgeIn(m, fresh, referral!, group, missed);
    }
  }

  private async nudgeIn(
    m: EntityManager,
    member: MembershipEntity,
    referral: ReferralEntity,
    group: GroupEntity,
    missed: number,
  ): Promise<(NotificationEntity | null)[]> {
    const now = this.clock.now();
    // The claim: only one writer moves the member from "not told" to "told".
    const claimed = await m
      .createQueryBuilder()
      .update(MembershipEntity)
      .set({ careLoopSentAt: now })
      .where('id = :id AND care_loop_sent_at IS NULL', { id: member.id })
      .execute();
    if (claimed.affected !== 1) return [];
    await m.update(ReferralEntity, { id: referral.id }, { careSince: now, careMissed: missed });
    const created = await this.notifications.notifyLate(m, referral.coordinatorId!, 'care-missed', {
      referralId: referral.id,
      groupId: group.id,
    });
    await this.audit.recordIn(m, 'care-loop.nudged', null, member.id);
    return [created];
  }

  /** A coordinator stops seeing a count for a member who left, was removed or deleted. */
  private async forgetUnfollowed(followedMemberIds: string[]): Promise<void> {
    const followed = new Set(followedMemberIds);
    const shown = await this.dataSource.getRepository(ReferralEntity).find({
      where: { careSince: Not(IsNull()) },
      select: { id: true, membershipId: true },
    });
    const stale = shown.filter((r) => !r.membershipId || !followed.has(r.membershipId)).map((r) => r.id);
    if (stale.length === 0) return;
    await this.writes.run((m) => m.update(ReferralEntity, { id: In(stale) }, { careSince: null, careMissed: null }));
  }
}
