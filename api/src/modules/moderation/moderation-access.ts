import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import type { MembershipEntity } from '../membership/entities/membership.entity';
import type { GroupAccess } from '../membership/membership-access';
import { MembershipService } from '../membership/membership.service';

/** A facilitator acting in one of their groups, with their membership (the log's actor). */
export interface FacilitatorContext {
  access: GroupAccess;
  groupId: string;
  actor: MembershipEntity;
}

/** A member acting in their group. */
export interface MemberContext {
  access: GroupAccess;
  groupId: string;
  me: MembershipEntity;
}

/**
 * Who may do what in moderation, on top of the membership access rule (404 for a group the caller
 * may not know, 403 otherwise): facilitator routes need the group's facilitator, member routes an
 * approved member (facilitators do not report, raise alerts or ignore).
 */
@Injectable()
export class ModerationAccess {
  constructor(private readonly membership: MembershipService) {}

  async facilitator(auth: RequestAuth, groupId: string): Promise<FacilitatorContext> {
    const access = await this.membership.requireAccess(auth, groupId, 'facilitate');
    return { access, groupId, actor: access.membership! };
  }

  async member(auth: RequestAuth, groupId: string): Promise<MemberContext> {
    const access = await this.membership.requireAccess(auth, groupId, 'participate');
    if (access.membership?.role !== 'member') throw new DomainError('FORBIDDEN');
    return { access, groupId, me: access.membership };
  }

  /** A member of the group a facilitator acts on; facilitators cannot be muted, removed or banned here. */
  async target(ctx: FacilitatorContext, memberId: string): Promise<MembershipEntity> {
    const target = await this.membership.findInGroup(ctx.groupId, memberId);
    if (!target) throw new DomainError('NOT_FOUND');
    if (target.role === 'facilitator') {
      throw new DomainError(
        'CONFLICT',
        'A facilitator cannot be muted, removed or banned; an admin can unassign them.',
      );
    }
    return target;
  }
}
