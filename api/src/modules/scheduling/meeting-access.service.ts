import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { GroupEntity } from '../groups/entities/group.entity';
import type { GroupAccess, GroupNeed } from '../membership/membership-access';
import { MembershipService } from '../membership/membership.service';
import { MeetingEntity } from './entities/meeting.entity';

/**
 * `/meetings/:id` routes: the meeting is found first, then the caller's access to its group is
 * checked by the membership module's one rule — so someone outside the group gets the same 404
 * as for a meeting that does not exist.
 */
@Injectable()
export class MeetingAccessService {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly membership: MembershipService,
  ) {}

  requireGroup(auth: RequestAuth, groupId: string, need: GroupNeed): Promise<GroupAccess> {
    return this.membership.requireAccess(auth, groupId, need);
  }

  async requireMeeting(
    auth: RequestAuth,
    meetingId: string,
    need: GroupNeed,
  ): Promise<{ meeting: MeetingEntity; access: GroupAccess }> {
    const meeting = await this.meetings.findOneBy({ id: meetingId });
    if (!meeting) throw new DomainError('NOT_FOUND');
    const access = await this.membership.requireAccess(auth, meeting.groupId, need);
    return { meeting, access };
  }

  groupIn(manager: EntityManager, groupId: string): Promise<GroupEntity | null> {
    return manager.findOneBy(GroupEntity, { id: groupId });
  }
}
