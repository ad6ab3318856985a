import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { MemberRole, MembershipStatus } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { MembershipEntity } from './entities/membership.entity';
import { ACTIVE_STATUSES } from './membership-access';

/** Bus topic: a group's memberships (or who may see whom in it) changed. */
export const MEMBERSHIP_CHANGED = 'membership.changed';
export interface MembershipChange {
  groupId: string;
}

export interface DirectoryEntry {
  memberId: string;
  role: MemberRole;
  status: MembershipStatus;
  displayName: string;
  approvedAt: Date | null;
}

/**
 * An in-memory view of "who is in which group", so the chat send path needs no database query
 * per message. Every membership change is published on the ChangeBus before the HTTP answer and
 * drops the group's entries here and on every other instance.
 */
@Injectable()
export class MembershipDirectory implements OnModuleDestroy {
  private readonly byGroup = new Map<string, Map<string, DirectoryEntry | null>>();
  /** Bumped on every change, so a read that raced with a change is not cached. */
  private version = 0;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly changes: ChangeBus,
  ) {
    this.unsubscribe = [
      changes.subscribe<MembershipChange>(MEMBERSHIP_CHANGED, ({ groupId }) => {
        this.version++;
        this.byGroup.delete(groupId);
      }),
      changes.onResync(() => {
        this.version++;
        this.byGroup.clear();
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
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

  /** The group's approved members and facilitators, oldest first (presence lists). */
  async approvedMembers(groupId: string): Promise<Array<{ memberId: string; displayName: string; role: MemberRole }>> {
    const rows = await this.memberships.find({
      where: { groupId, status: 'approved' },
      order: { createdAt: 'ASC' },
      select: { id: true, displayName: true, role: true },
    });
    return rows.map((r) => ({ memberId: r.id, displayName: r.displayName, role: r.role }));
  }

  /** Call after any committed change to a group's memberships or visibility; in force everywhere when it resolves. */
  changed(groupId: string): Promise<void> {
    return this.changes.publish(MEMBERSHIP_CHANGED, { groupId } satisfies MembershipChange);
  }
}
