import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MemberIgnoreEntity } from '../membership/entities/member-ignore.entity';
import { MemberMuteEntity } from '../room-rules/entities/member-mute.entity';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { ModerationSealing } from './moderation-sealing';
import { ReportEntity } from './entities/report.entity';

/**
 * What moderation keeps about a person.
 *
 * Export: the reports and safety alerts they raised (without naming anyone else), how many members
 * they ignore per group, and the moderation actions taken on them (what and when, not who or why).
 * Facilitators' notes about them are not exported: they are the facilitators' working notes.
 *
 * Deletion: notes about them, their mutes, ignore lists and hides go with their memberships (foreign
 * keys, CASCADE; the membership feature then tells every instance); reports, alerts and log entries keep the action and lose the person (SET NULL), and
 * the notes they wrote on their reports are erased.
 */
@Injectable()
@HoldsPersonalData()
export class ModerationPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'moderation';

  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    @InjectRepository(SafetyAlertEntity) private readonly alerts: Repository<SafetyAlertEntity>,
    @InjectRepository(MemberIgnoreEntity) private readonly ignores: Repository<MemberIgnoreEntity>,
    @InjectRepository(MemberMuteEntity) private readonly mutes: Repository<MemberMuteEntity>,
    @InjectRepository(ModerationLogEntryEntity) private readonly log: Repository<ModerationLogEntryEntity>,
    private readonly sealing: ModerationSealing,
  ) {}

  async exportPersonalData(accountId: string) {
    const mine = await this.memberships.find({ where: { accountId }, select: { id: true } });
    const ids = mine.map((m) => m.id);
    if (ids.length === 0) return { reports: [], safetyAlerts: [], ignoring: [], actionsOnMe: [], mutes: [] };
    const [reports, alerts, ignores, actions, mutes] = await Promise.all([
      this.reports.find({ where: { reporterMemberId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.alerts.find({
        where: { fromMemberId: In(ids), kind: In(['not-safe', 'knows-member']) },
        order: { createdAt: 'ASC' },
      }),
      this.ignores.find({ where: { memberId: In(ids) } }),
      this.log.find({ where: { targetMemberId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.mutes.find({ where: { memberId: In(ids) } }),
    ]);
    const ignoring = new Map<string, number>();
    for (const row of ignores) ignoring.set(row.groupId, (ignoring.get(row.groupId) ?? 0) + 1);
    return {
      reports: reports.map((r) => ({
        id: r.id,
        groupId: r.groupId,
        category: r.category,
        note: this.sealing.open('reports.note', r.noteSealed, r.id, r.groupId),
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
      safetyAlerts: alerts.map((a) => ({
        id: a.id,
        groupId: a.groupId,
        kind: a.kind,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
      })),
      ignoring: [...ignoring].map(([groupId, members]) => ({ groupId, members })),
      actionsOnMe: actions
        .filter(
          (e) => e.action === 'muted' || e.action === 'unmuted' || e.action === 'removed' || e.action === 'banned',
        )
        .map((e) => ({
          groupId: e.groupId,
          action: e.action,
          expiresAt: e.expiresAt?.toISOString() ?? null,
          createdAt: e.createdAt.toISOString(),
        })),
      mutes: mutes.map((m) => ({ groupId: m.groupId, until: m.mutedUntil.toISOString() })),
    };
  }

  async erasePersonalData(manager: EntityManager, accountId: string): Promise<void> {
    // Whichever runs first in this transaction (this, or the memberships' deletion that sets the
    // reporter to null), the notes the person wrote on their reports are erased.
    const mine = await manager.find(MembershipEntity, { where: { accountId }, select: { id: true } });
    if (mine.length > 0)
      await manager.update(ReportEntity, { reporterMemberId: In(mine.map((m) => m.id)) }, { noteSealed: null });
    await manager.update(ReportEntity, { reporterMemberId: IsNull() }, { noteSealed: null });
  }
}
