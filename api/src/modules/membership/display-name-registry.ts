import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { confusableKeys, nameMatchesLogin } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DataCrypto } from '../../common/data-crypto.service';
import { DomainError } from '../../common/domain-error';
import { WriteQueue } from '../../common/write-queue';
import { GroupEntity } from '../groups/entities/group.entity';
import { GroupsService } from '../groups/groups.service';
import { DisplayNameReservationEntity } from './entities/display-name-reservation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { ACTIVE_STATUSES } from './membership-access';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One answer for a name in use and a name reserved, so a refusal never tells which. */
function nameNotAvailable(): DomainError {
  return new DomainError('CONFLICT', 'This name is not available in this group. Please choose another.', [
    { field: 'displayName', message: 'not available' },
  ]);
}

/** The name shown in a group must not give the login (and so the account) away. */
export function assertNameIsNotLogin(displayName: string, login: string): void {
  if (nameMatchesLogin(displayName, login, confusableKeys)) {
    throw new DomainError('VALIDATION', 'The name shown in the group must not be your login.', [
      { field: 'displayName', message: 'must not equal the login' },
    ]);
  }
}

/**
 * Who may be called what in a group. A name clashes with another when their confusable keys
 * meet (case, accents, look-alikes and separators folded), whether its holder is in the group
 * now (pending, approved, or hidden from the caller) or left it within the group's retention
 * period. The departed are kept only as keyed hashes of group and key.
 *
 * Privacy rule: a taken name and a reserved one get the same answer after the same work (both
 * lookups always run), so renaming to a hidden member's name cannot tell that they are still here.
 */
@Injectable()
export class DisplayNameRegistry {
  constructor(
    private readonly crypto: DataCrypto,
    private readonly groups: GroupsService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /** What a reservation stores: the name's keys hashed under the current DATA_KEY. */
  private hashes(groupId: string, displayName: string): string[] {
    return confusableKeys(displayName).map((key) => this.crypto.keyedHash('display-name', `${groupId}:${key}`));
  }

  /**
   * What a lookup matches: the same under every configured key. A reservation cannot be re-hashed
   * (the name is not kept), so one made before a key rotation is found under the key it names.
   */
  private hashesUnderEveryKey(groupId: string, displayName: string): string[] {
    return confusableKeys(displayName).flatMap((key) => this.crypto.keyedHashes('display-name', `${groupId}:${key}`));
  }

  /**
   * 409 `CONFLICT` unless the name is free in the group for this account. `exceptMembershipId`
   * is the caller's own membership (renaming to a variant of one's own name is fine); a name
   * reserved by the same account's earlier membership is theirs to take back.
   */
  async assertAvailable(
    manager: EntityManager,
    input: { groupId: string; displayName: string; accountId: string; exceptMembershipId?: string },
  ): Promise<void> {
    const keys = confusableKeys(input.displayName);
    const hashes = this.hashesUnderEveryKey(input.groupId, input.displayName);
    const group = await manager.findOneBy(GroupEntity, { id: input.groupId });
    const cutoff = new Date(this.clock.now().getTime() - (group?.retentionDays ?? 0) * DAY_MS).toISOString();
    const present = await manager.find(MembershipEntity, {
      where: { groupId: input.groupId, status: In([...ACTIVE_STATUSES]) },
      select: { id: true, displayName: true },
    });
    const reserved = await manager
      .createQueryBuilder(DisplayNameReservationEntity, 'r')
      .leftJoin(MembershipEntity, 'm', 'm.id = r.membership_id')
      .where('r.group_id = :groupId AND r.name_hash IN (:...hashes) AND r.created_at >= :cutoff', {
        groupId: input.groupId,
        hashes,
        cutoff,
      })
      // A deleted account's reservation has no membership: it holds against everyone.
      .andWhere('(m.account_id IS NULL OR m.account_id <> :accountId)', { accountId: input.accountId })
      .getCount();
    // Every present name is compared (no early exit), so the time does not depend on which one clashes.
    const clashes = present
      .filter((row) => row.id !== input.exceptMembershipId)
      .map((row) => confusableKeys(row.displayName).some((key) => keys.includes(key)));
    if (clashes.includes(true) || reserved > 0) throw nameNotAvailable();
  }

  /** Keeps the name of a member who left, was removed or banned, or whose account goes. */
  async reserveIn(
    manager: EntityManager,
    membership: Pick<MembershipEntity, 'id' | 'groupId' | 'displayName'>,
    keepLink: boolean,
  ): Promise<void> {
    const createdAt = this.clock.now();
    const keyId = this.crypto.ring.current.id;
    const rows = this.hashes(membership.groupId, membership.displayName).map((nameHash) => ({
      id: randomUUID(),
      groupId: membership.groupId,
      nameHash,
      keyId,
      membershipId: keepLink ? membership.id : null,
      createdAt,
    }));
    await manager.insert(DisplayNameReservationEntity, rows);
  }

  /** Deletes reservations older than their group's retention period; returns how many. */
  async purge(now: Date = this.clock.now()): Promise<number> {
    let deleted = 0;
    for (const group of (await this.groups.list('all')).items) {
      const cutoff = new Date(now.getTime() - group.retentionDays * DAY_MS).toISOString();
      deleted += await this.writes.run(async (m) => {
        const result = await m
          .createQueryBuilder()
          .delete()
          .from(DisplayNameReservationEntity)
          .where('group_id = :groupId AND created_at < :cutoff', { groupId: group.id, cutoff })
          .execute();
        return result.affected ?? 0;
      });
    }
    return deleted;
  }
}
