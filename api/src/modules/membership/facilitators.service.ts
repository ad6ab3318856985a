import { Injectable } from '@nestjs/common';
import type { AssignFacilitatorDto, Member } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import { assertPermission } from '../../common/permission.guard';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { RealtimeService } from '../realtime/realtime.service';
import { MembershipDirectory } from './membership-directory';
import { MembershipService, toMember } from './membership.service';

const DEFAULT_FACILITATOR_NAME = 'Facilitator';

/** Admins assign facilitator accounts to groups; in the group they appear under a display name, never the login. */
@Injectable()
export class FacilitatorsService {
  constructor(
    private readonly membership: MembershipService,
    private readonly accounts: AccountsService,
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
    private readonly directory: MembershipDirectory,
    private readonly realtime: RealtimeService,
  ) {}

  async assign(auth: RequestAuth, groupId: string, dto: AssignFacilitatorDto): Promise<Member> {
    const { group } = await this.membership.requireAccess(auth, groupId, 'view');
    assertPermission(auth.role, 'group.assign-facilitators');
    const account = await this.accounts.findById(dto.accountId);
    if (!account || account.role !== 'facilitator' || account.disabledAt) {
      throw new DomainError('VALIDATION', 'This is not an active facilitator account.', [
        { field: 'accountId', message: 'must be an active facilitator account' },
      ]);
    }
    if (await this.membership.findActive(account.id, group.id)) throw new DomainError('CONFLICT', 'Already a facilitator of this group.');
    const displayName = dto.displayName ?? account.displayName ?? DEFAULT_FACILITATOR_NAME;
    const created = await this.writes.run(async (m) => {
      const membership = await this.membership.createIn(m, {
        groupId: group.id,
        accountId: account.id,
        role: 'facilitator',
        status: 'approved',
        displayName,
      });
      await this.audit.recordIn(m, 'facilitator.assigned', auth.accountId, membership.id);
      return membership;
    });
    await this.directory.changed(group.id);
    return toMember(created);
  }

  async unassign(auth: RequestAuth, groupId: string, accountId: string): Promise<void> {
    await this.membership.requireAccess(auth, groupId, 'view');
    assertPermission(auth.role, 'group.assign-facilitators');
    const membership = await this.membership.findActive(accountId, groupId);
    if (!membership || membership.role !== 'facilitator') throw new DomainError('NOT_FOUND');
    await this.writes.run(async (m) => {
      await this.membership.setStatusIn(m, membership, 'removed');
      await this.audit.recordIn(m, 'facilitator.unassigned', auth.accountId, membership.id);
    });
    await this.directory.changed(groupId);
    // An unassigned facilitator stops hearing the room (reports, alerts, removed bodies) at once.
    await this.realtime.revoke({ kind: 'member', groupId, memberId: membership.id, disconnect: false });
  }
}
