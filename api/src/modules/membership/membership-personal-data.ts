import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { AuditService } from '../audit/audit.service';
import { GroupBanEntity } from './entities/group-ban.entity';
import { MembershipEntity } from './entities/membership.entity';
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
    const rows = await manager.find(MembershipEntity, { where: { accountId }, select: { id: true, groupId: true } });
    this.erasedGroups.set(accountId, [...new Set(rows.map((r) => r.groupId))]);
    await this.audit.pseudonymizeIn(manager, rows.map((r) => r.id), replacementId);
    // A ban outlives the account through the client-reference hash; the account id is no longer needed.
    await manager.update(GroupBanEntity, { accountId }, { accountId: null });
    await manager.delete(MembershipEntity, { accountId });
  }

  afterErase(accountId: string): void {
    for (const groupId of this.erasedGroups.get(accountId) ?? []) this.directory.changed(groupId);
    this.erasedGroups.delete(accountId);
  }
}
