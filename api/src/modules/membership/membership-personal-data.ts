import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { AuditService } from '../audit/audit.service';
import { GroupBanEntity } from './entities/group-ban.entity';
import { MembershipEntity } from './entities/membership.entity';
import { DisplayNameRegistry } from './display-name-registry';
import { ACTIVE_STATUSES } from './membership-access';
import { MembershipDirectory } from './membership-directory';

/** The person's memberships: exported with their pseudonyms; deleted with the account. */
@Injectable()
@HoldsPersonalData()
export class MembershipPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'memberships';

  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly audit: AuditService,
    private readonly directory: MembershipDirectory,
    private readonly names: DisplayNameRegistry,
  ) {}

  /** Groups whose in-memory views must forget the erased account once the deletion commits. */
  private readonly erasedGroups = new Map<string, string[]>();

  async exportPersonalData(accountId: string) {
    const rows = await this.memberships.find({ where: { accountId }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      memberId: m.id,
      groupId: m.groupId,
      role: m.role,
      displayName: m.displayName,
      status: m.status,
      showGroupName: m.showGroupName,
      careLoop: m.careLoop,
      careLoopSentAt: m.careLoopSentAt?.toISOString() ?? null,
      joinedAt: m.createdAt.toISOString(),
      approvedAt: m.approvedAt?.toISOString() ?? null,
    }));
  }

  /** Rows referring to a membership (messages, referrals) lose the link through their foreign keys. */
  async erasePersonalData(manager: EntityManager, accountId: string, replacementId: string): Promise<void> {
    const rows = await manager.find(MembershipEntity, { where: { accountId }, select: { id: true, groupId: true, displayName: true, status: true } });
    this.erasedGroups.set(accountId, [...new Set(rows.map((r) => r.groupId))]);
    // The names they hold now stay reserved, unlinked: nothing else of the account remains.
    for (const row of rows.filter((r) => (ACTIVE_STATUSES as readonly string[]).includes(r.status))) await this.names.reserveIn(manager, row, false);
    await this.audit.pseudonymizeIn(manager, rows.map((r) => r.id), replacementId);
    // A ban outlives the account through the client-reference hash; the account id is no longer needed.
    await manager.update(GroupBanEntity, { accountId }, { accountId: null });
    await manager.delete(MembershipEntity, { accountId });
  }

  async afterErase(accountId: string): Promise<void> {
    const groupIds = this.erasedGroups.get(accountId) ?? [];
    this.erasedGroups.delete(accountId);
    for (const groupId of groupIds) await this.directory.changed(groupId);
  }
}
