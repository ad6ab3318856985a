import { Injectable } from '@nestjs/common';
import type { RedeemDto, RedeemResponse } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { type Limit, RateLimits } from '../../common/rate-limits';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { assertPasswordDiffersFromLogin } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { RecoveryCodesService } from '../auth/recovery-codes.service';
import { SessionsService } from '../auth/sessions.service';
import { GroupsService } from '../groups/groups.service';
import { assertNameIsNotLogin } from '../membership/display-name-registry';
import { MembershipDirectory } from '../membership/membership-directory';
import { MembershipService, toMembership } from '../membership/membership.service';
import { ReferralEntity } from './entities/referral.entity';
import { ReferralsService, statusOf } from './referrals.service';

export interface Redeemed {
  response: RedeemResponse;
  /** A new session token when a new person signed up. */
  token: string | null;
}

function invalidCode(): DomainError {
  // One answer for unknown, used, expired, revoked, already-member and banned: a guesser learns nothing.
  return new DomainError('INVALID_CODE');
}

/** Redeeming a referral code: the only way into Tryg for a participant. */
@Injectable()
export class RedeemService {
  private readonly failures: Limit;

  constructor(
    private readonly referrals: ReferralsService,
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly directory: MembershipDirectory,
    limits: RateLimits,
  ) {
    this.failures = limits.create({ name: 'referral-code-failures-per-client', points: 20, durationSeconds: 60 * 60 });
  }

  async redeem(dto: RedeemDto, auth: RequestAuth | undefined, clientAddress: string): Promise<Redeemed> {
    this.assertShape(dto, auth);
    const wait = await this.failures.blockedFor(clientAddress);
    if (wait > 0) throw new DomainError('RATE_LIMITED', undefined, undefined, wait);

    const referral = await this.findUsable(dto.code, auth);
    if (!referral) {
      await this.failures.count(clientAddress);
      throw invalidCode();
    }
    try {
      return await this.join(dto, auth, referral);
    } catch (error) {
      // A taken login or name counts like a bad code: a code holder cannot probe logins or names freely.
      if (error instanceof DomainError && (error.code === 'LOGIN_TAKEN' || error.code === 'CONFLICT')) await this.failures.count(clientAddress);
      throw error;
    }
  }

  private async join(dto: RedeemDto, auth: RequestAuth | undefined, referral: ReferralEntity): Promise<Redeemed> {
    if (!auth) {
      const login = dto.login!;
      assertPasswordDiffersFromLogin(login, dto.password!);
      assertNameIsNotLogin(dto.displayName, login);
      if (await this.accounts.findByLogin(login)) throw new DomainError('LOGIN_TAKEN');
    } else {
      const account = await this.accounts.findById(auth.accountId);
      if (account) assertNameIsNotLogin(dto.displayName, account.login);
    }
    const passwordHash = auth ? null : await this.hasher.hash(dto.password!);

    // Everything or nothing: a refused redeem (login or name taken) leaves the code unused.
    const redeemed = await this.writes.run(async (m) => {
      const claimed = await m.update(
        ReferralEntity,
        { id: referral.id, status: 'issued' },
        { status: 'redeemed', updatedAt: this.clock.now() },
      );
      if (claimed.affected !== 1) throw invalidCode();
      const account = auth
        ? (await this.accounts.findById(auth.accountId))!
        : await this.accounts.createIn(m, { login: dto.login!, role: 'participant', passwordHash: passwordHash! });
      const membership = await this.membership.createIn(m, {
        groupId: referral.groupId,
        accountId: account.id,
        role: 'member',
        status: 'pending',
        displayName: dto.displayName,
      });
      await m.update(ReferralEntity, { id: referral.id }, { membershipId: membership.id });
      const recoveryCodes = auth ? [] : await this.recoveryCodes.replaceIn(m, account.id);
      const session = auth ? null : await this.sessions.createIn(m, account.id);
      await this.audit.recordIn(m, 'referral.redeemed', account.id, referral.id);
      return {
        response: { account: AccountsService.toAccount(account), membership: toMembership(membership), recoveryCodes },
        token: session?.token ?? null,
      };
    });
    await this.directory.changed(referral.groupId);
    return redeemed;
  }

  private assertShape(dto: RedeemDto, auth: RequestAuth | undefined): void {
    if (auth && auth.role !== 'participant') throw new DomainError('FORBIDDEN', 'Only participants join groups.');
    if (auth && (dto.login !== undefined || dto.password !== undefined)) {
      throw new DomainError('VALIDATION', 'You are signed in: send only the code and a display name.', [
        { field: dto.login !== undefined ? 'login' : 'password', message: 'not allowed when signed in' },
      ]);
    }
    if (!auth && (dto.login === undefined || dto.password === undefined)) {
      throw new DomainError('VALIDATION', 'Choose a login and a password.', [
        ...(dto.login === undefined ? [{ field: 'login', message: 'required' }] : []),
        ...(dto.password === undefined ? [{ field: 'password', message: 'required' }] : []),
      ]);
    }
  }

  /** The referral for this code if it can be used by this caller, else null. */
  private async findUsable(code: string, auth: RequestAuth | undefined): Promise<ReferralEntity | null> {
    const referral = await this.referrals.findByCode(code);
    if (!referral || statusOf(referral, this.clock.now()) !== 'issued') return null;
    if (!(await this.groups.find(referral.groupId))) return null;
    const { clientReferenceHashes } = this.referrals.matchView(referral);
    if (await this.membership.isBanned(referral.groupId, auth?.accountId ?? null, clientReferenceHashes)) return null;
    if (auth && (await this.membership.hasBlockingMembership(auth.accountId, referral.groupId))) return null;
    return referral;
  }
}
