import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { IgnoredMembers, IgnoredMembersDto } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MemberIgnoreEntity } from './core/entities/member-ignore.entity';
import { ModerationView } from './core/moderation-view';
import { ModerationAccess } from './moderation-access';

/**
 * A member hides other members' messages for themselves: left out of their history, `room:join`
 * and catch-up, and never sent to their sockets. Facilitators cannot be ignored; nobody else
 * learns of it (not logged in the moderation log).
 */
@Injectable()
export class IgnoreListService {
  constructor(
    @InjectRepository(MemberIgnoreEntity) private readonly ignores: Repository<MemberIgnoreEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly access: ModerationAccess,
    private readonly view: ModerationView,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async get(auth: RequestAuth, groupId: string): Promise<IgnoredMembers> {
    const ctx = await this.access.member(auth, groupId);
    return { memberIds: (await this.view.group(groupId)).ignoredBy(ctx.me.id) };
  }

  async replace(auth: RequestAuth, groupId: string, dto: IgnoredMembersDto): Promise<IgnoredMembers> {
    const ctx = await this.access.member(auth, groupId);
    const memberIds = [...new Set(dto.memberIds.map((id) => id.toLowerCase()))];
    const found =
      memberIds.length > 0
        ? await this.memberships.find({ where: { id: In(memberIds), groupId }, select: { id: true, role: true } })
        : [];
    const ignorable = new Set(found.filter((m) => m.role === 'member').map((m) => m.id));
    const bad = memberIds.find((id) => id === ctx.me.id || !ignorable.has(id));
    if (bad)
      throw new DomainError('VALIDATION', 'Only other members of this group can be ignored.', [
        { field: 'memberIds', message: `${bad} is not another member of this group` },
      ]);
    const now = this.clock.now();
    await this.writes.run(async (m) => {
      await m.delete(MemberIgnoreEntity, { memberId: ctx.me.id });
      if (memberIds.length > 0) {
        await m.insert(
          MemberIgnoreEntity,
          memberIds.map((ignoredMemberId) => ({
            id: randomUUID(),
            groupId,
            memberId: ctx.me.id,
            ignoredMemberId,
            createdAt: now,
          })),
        );
      }
    });
    this.view.changed(groupId);
    return { memberIds };
  }
}
