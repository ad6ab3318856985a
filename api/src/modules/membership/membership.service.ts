import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Member, MembershipStatus, OwnMembership, Page } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { GroupsService } from '../groups/groups.service';
import { GroupBanEntity } from './entities/group-ban.entity';
import { MembershipEntity } from './entities/membership.entity';
import { DisplayNameRegistry } from './display-name-registry';
import { ACTIVE_STATUSES, type GroupAccess, type GroupNeed } from './membership-access';
import { MemberVisibility } from './member-visibility';

/** Leaving these ways keeps the name reserved for the group's retention period. */
const DEPARTED_STATUSES: readonly MembershipStatus[] = ['left', 'removed', 'banned'];

export function toMembership(entity: MembershipEntity): OwnMembership {
  return {
    memberId: entity.id,
    groupId: entity.groupId,
    displayName: entity.displayName,
    status: entity.status,
    showGroupName: entity.showGroupName,
    careLoop: entity.careLoop,
    careLoopSentAt: entity.careLoopSentAt ? entity.careLoopSentAt.toISOString() : null,
    approvedAt: entity.approvedAt?.toISOString() ?? null,
  };
}

export function toMember(entity: MembershipEntity): Member {
  return { memberId: entity.id, displayName: entity.displayName, role: entity.role, status: entity.status };
}

/**
 * Who belongs to which group, and the one place that decides what a caller may see of a group.
 *
 * Privacy rule: a group the caller has no business with answers 404, exactly like a missing one,
 * so a participant cannot even learn which other groups exist; the group's members are known to
 * each other only by per-group pseudonyms.
 */
@Injectable()
export class MembershipService {
  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(GroupBanEntity) private readonly bans: Repository<GroupBanEntity>,
    private readonly groups: GroupsService,
    private readonly clock: Clock,
    private readonly visibility: MemberVisibility,
    private readonly names: DisplayNameRegistry,
  ) {}

  /** Members the caller must not see (an open "I think I know this person" alert, either way). */
  private async hiddenFrom(access: GroupAccess): Promise<ReadonlySet<string>> {
    if (access.isFacilitator || !access.membership) return new Set();
    return (await this.visibility.group(access.group.id)).hiddenFrom(access.membership.id);
  }

  /** The caller's active membership in a group (pending or approved), if any. */
  findActive(accountId: string, groupId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOne({ where: { accountId, groupId, status: In([...ACTIVE_STATUSES]) } });
  }

  findInGroup(groupId: string, memberId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOneBy({ id: memberId, groupId });
  }

  /** Resolves the caller's access to a group: 404 when they may not know it, 403 when they may not do this. */
  async requireAccess(auth: RequestAuth, groupId: string, need: GroupNeed): Promise<GroupAccess> {
    const group = await this.groups.find(groupId);
    if (!group) throw new DomainError('NOT_FOUND');
    const membership = await this.findActive(auth.accountId, groupId);
    const isFacilitator = membership?.role === 'facilitator' && membership.status === 'approved';
    const knowsGroup = auth.role === 'admin' || auth.role === 'coordinator' || membership !== null;
    if (!knowsGroup) throw new DomainError('NOT_FOUND');
    const allowed =
      need === 'view' ||
      (need === 'participate' && membership?.status === 'approved') ||
      (need === 'facilitate' && isFacilitator);
    if (!allowed) throw new DomainError('FORBIDDEN');
    return { group, membership, isFacilitator };
  }

  /** Group ids the caller may see in `GET /groups`. */
  async visibleGroupIds(auth: RequestAuth): Promise<string[] | 'all'> {
    if (auth.role === 'admin' || auth.role === 'coordinator') return 'all';
    const rows = await this.memberships.find({
      where: { accountId: auth.accountId, status: In([...ACTIVE_STATUSES]) },
      select: { groupId: true },
    });
    return rows.map((r) => r.groupId);
  }

  /** For `GET /auth/me`: the caller's own memberships in every state. */
  async ofAccount(accountId: string): Promise<OwnMembership[]> {
    const rows = await this.memberships.find({ where: { accountId }, order: { createdAt: 'ASC' } });
    return rows.map(toMembership);
  }

  /** Facilitators see everyone who ever asked to join; members see approved members only. */
  async listMembers(access: GroupAccess): Promise<Page<Member>> {
    const where = access.isFacilitator
      ? { groupId: access.group.id }
      : { groupId: access.group.id, status: 'approved' as MembershipStatus };
    const [rows, hidden] = await Promise.all([this.memberships.find({ where, order: { createdAt: 'ASC' } }), this.hiddenFrom(access)]);
    return { items: rows.filter((r) => !hidden.has(r.id)).map(toMember), nextCursor: null };
  }

  async getMember(access: GroupAccess, memberId: string): Promise<MembershipEntity> {
    const member = await this.findInGroup(access.group.id, memberId);
    if (!member || (!access.isFacilitator && member.status !== 'approved')) throw new DomainError('NOT_FOUND');
    if ((await this.hiddenFrom(access)).has(member.id)) throw new DomainError('NOT_FOUND');
    return member;
  }

  async countApprovedMembers(manager: EntityManager, groupId: string): Promise<number> {
    return manager.countBy(MembershipEntity, { groupId, role: 'member', status: 'approved' });
  }

  /** Display names are unique per group among present members and reserved for departed ones (see DisplayNameRegistry). */
  async assertDisplayNameFree(manager: EntityManager, membership: Pick<MembershipEntity, 'id' | 'groupId' | 'accountId'>, displayName: string): Promise<void> {
    await this.names.assertAvailable(manager, {
      groupId: membership.groupId,
      displayName,
      accountId: membership.accountId,
      exceptMembershipId: membership.id,
    });
  }

  async createIn(
    manager: EntityManager,
    input: { groupId: string; accountId: string; role: 'member' | 'facilitator'; status: MembershipStatus; displayName: string },
  ): Promise<MembershipEntity> {
    await this.names.assertAvailable(manager, { groupId: input.groupId, displayName: input.displayName, accountId: input.accountId });
    const now = this.clock.now();
    const membership: MembershipEntity = {
      id: randomUUID(),
      groupId: input.groupId,
      accountId: input.accountId,
      role: input.role,
      status: input.status,
      displayName: input.displayName,
      showGroupName: false,
      careLoop: false,
      careLoopSentAt: null,
      approvedAt: input.status === 'approved' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    await manager.insert(MembershipEntity, membership);
    return membership;
  }

  async setStatusIn(manager: EntityManager, membership: MembershipEntity, status: MembershipStatus): Promise<MembershipEntity> {
    const now = this.clock.now();
    const approvedAt = status === 'approved' ? now : membership.approvedAt;
    await manager.update(MembershipEntity, { id: membership.id }, { status, approvedAt, updatedAt: now });
    const departs = (ACTIVE_STATUSES as readonly MembershipStatus[]).includes(membership.status) && DEPARTED_STATUSES.includes(status);
    if (departs) await this.names.reserveIn(manager, membership, true);
    return { ...membership, status, approvedAt, updatedAt: now };
  }

  /** `clientReferenceHashes`: the client reference's keyed hash under every configured key (a rotation may be under way). */
  async isBanned(groupId: string, accountId: string | null, clientReferenceHashes: string[]): Promise<boolean> {
    const conditions: object[] = [];
    if (accountId) conditions.push({ groupId, accountId });
    if (clientReferenceHashes.length > 0) conditions.push({ groupId, clientReferenceHash: In(clientReferenceHashes) });
    if (conditions.length === 0) return false;
    return (await this.bans.count({ where: conditions })) > 0;
  }

  /** Whether the account ever held a membership in the group that should stop a new one. */
  async hasBlockingMembership(accountId: string, groupId: string): Promise<boolean> {
    return this.memberships.existsBy({ accountId, groupId, status: In(['pending', 'approved', 'banned']) });
  }
}
