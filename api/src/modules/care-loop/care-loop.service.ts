import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CareLoopStatus } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { MembershipService } from '../membership/membership.service';
import { coordinatorAvailable, referralOf } from './referring-coordinator';

/** The member's own view of their care-loop switch; nobody else can read it. */
@Injectable()
export class CareLoopService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
  ) {}

  async status(auth: RequestAuth, groupId: string): Promise<CareLoopStatus> {
    const access = await this.membership.requireAccess(auth, groupId, 'view');
    const own = access.membership;
    if (!own || own.role !== 'member') throw new DomainError('FORBIDDEN');
    const referral = await referralOf(this.dataSource.manager, own.id);
    return {
      careLoop: own.careLoop,
      careLoopSentAt: own.careLoopSentAt ? own.careLoopSentAt.toISOString() : null,
      careLoopAfter: access.group.careLoopAfter,
      coordinator: (await coordinatorAvailable(this.dataSource.manager, referral)) ? 'available' : 'unavailable',
    };
  }
}
