import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { IgnoredMembers, IgnoredMembersDto } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipDirectory } from '../membership/membership-directory';
import { MemberVisibility } from '../membership/member-visibility';
import { ModerationAccess } from './moderation-access';

/**
 * A member hides other members' messages for themselves: left out of their history, `room:join`
 * and catch-up, and never sent to their sockets. Facilitators cannot be ignored; nobody else
 * learns of it (not logged in the moderation log). A member who left, or who is hidden from the
 * caller, is accepted like any other: the answer tells nothing about who is still there.
 */
@Injectable()
export class IgnoreListService {
  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly access: ModerationAccess,
    private readonly visibility: MemberVisibility,
    private readonly directory: MembershipDirectory,
    private readonly writes: WriteQueue,
  ) {}

  async get(auth: RequestAuth, groupId: string): Promise<IgnoredMembers> {
    const ctx = await this.access.member(auth, groupId);
    return { memberIds: (await this.visibility.group(groupId)).ignoredBy(ctx.me.id) };
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
    await this.writes.run((m) => this.visibility.replaceIgnoresIn(m, groupId, ctx.me.id, memberIds));
    await this.directory.changed(groupId);
    return { memberIds };
  }
}
