import { Injectable } from '@nestjs/common';
import type { OwnMembership, UpdateMembershipDto } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { RealtimeService } from '../realtime/realtime.service';
import { MembershipEntity } from './entities/membership.entity';
import { assertNameIsNotLogin } from './display-name-registry';
import { MembershipDirectory } from './membership-directory';
import { MembershipService, toMembership } from './membership.service';

/** What a member does to their own membership: rename, choose discretion, opt in to the care loop, leave. */
@Injectable()
export class OwnMembershipService {
  constructor(
    private readonly membership: MembershipService,
    private readonly accounts: AccountsService,
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly directory: MembershipDirectory,
    private readonly realtime: RealtimeService,
  ) {}

  private async requireOwn(auth: RequestAuth, groupId: string): Promise<MembershipEntity> {
    const access = await this.membership.requireAccess(auth, groupId, 'view');
    if (!access.membership || access.membership.role !== 'member') throw new DomainError('FORBIDDEN');
    return access.membership;
  }

  async update(auth: RequestAuth, groupId: string, dto: UpdateMembershipDto): Promise<OwnMembership> {
    const membership = await this.requireOwn(auth, groupId);
    const account = await this.accounts.findById(auth.accountId);
    if (dto.displayName !== undefined && account) assertNameIsNotLogin(dto.displayName, account.login);
    const changes: Partial<MembershipEntity> = { updatedAt: this.clock.now() };
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.showGroupName !== undefined) changes.showGroupName = dto.showGroupName;
    // The care loop is the member's own consent: only they switch it, and each change is audited.
    const careLoopChanged = dto.careLoop !== undefined && dto.careLoop !== membership.careLoop;
    if (dto.careLoop !== undefined) changes.careLoop = dto.careLoop;
    await this.writes.run(async (m) => {
      if (dto.displayName !== undefined) await this.membership.assertDisplayNameFree(m, membership, dto.displayName);
      await m.update(MembershipEntity, { id: membership.id }, changes);
      if (careLoopChanged) {
        await this.audit.recordIn(m, dto.careLoop ? 'care-loop.opted-in' : 'care-loop.opted-out', auth.accountId, membership.id);
      }
    });
    await this.directory.changed(groupId);
    return toMembership({ ...membership, ...changes });
  }

  async leave(auth: RequestAuth, groupId: string): Promise<void> {
    const membership = await this.requireOwn(auth, groupId);
    await this.writes.run(async (m) => {
      await this.membership.setStatusIn(m, membership, 'left');
      await this.audit.recordIn(m, 'membership.left', auth.accountId, membership.id);
    });
    await this.directory.changed(groupId);
    // Who leaves stops hearing the room at once, on every instance (still signed in for other groups).
    await this.realtime.revoke({ kind: 'member', groupId, memberId: membership.id, disconnect: false });
  }
}
