import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { MemberRole, MembershipStatus } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { MembershipEntity } from './entities/membership.entity';
import { ACTIVE_STATUSES } from './membership-access';

export interface DirectoryEntry {
  memberId: string;
  role: MemberRole;
  status: MembershipStatus;
  displayName: string;
  approvedAt: Date | null;
}

/**
 * An in-memory view of "who is in which group", so the chat send path needs no database query
 * per message. Every membership change publishes on the ChangeBus (synchronously, before the
 * HTTP answer), which drops the group's entries here and on every other instance.
 */
@Injectable()
export class MembershipDirectory implements OnModuleDestroy {
  private readonly byGroup = new Map<string, Map<string, DirectoryEntry | null>>();
  /** Bumped on every change, so a read that raced with a change is not cached. */
  private version = 0;
  private readonly unsubscribe: () => void;

  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly changes: ChangeBus,
  ) {
    this.unsubscribe = changes.subscribe((change) => {
      if (change.kind !== 'membership') return;
      this.version++;
      this.byGroup.delete(change.groupId);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** The account's active membership in the group (pending or approved), or null. */
  async lookup(accountId: string, groupId: string): Promise<DirectoryEntry | null> {
    const cached = this.byGroup.get(groupId);
    if (cached?.has(accountId)) return cached.get(accountId)!;
    const versionBefore = this.version;
    const row = await this.memberships.findOne({ where: { accountId, groupId, status: In([...ACTIVE_STATUSES]) } });
    const entry = row
      ? { memberId: row.id, role: row.role, status: row.status, displayName: row.displayName, approvedAt: row.approvedAt }
      : null;
    if (this.version === versionBefore) {
      const group = this.byGroup.get(groupId) ?? new Map<string, DirectoryEntry | null>();
      group.set(accountId, entry);
      this.byGroup.set(groupId, group);
    }
    return entry;
  }

  /** Call after any committed change to a group's memberships. */
  changed(groupId: string): void {
    this.changes.publish({ kind: 'membership', groupId });
  }
}
