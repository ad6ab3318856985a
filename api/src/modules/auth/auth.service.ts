import { Injectable } from '@nestjs/common';
import type { Account, LoginDto, SessionItem, UpdateMeDto } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import type { AccountEntity } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';

export interface SignedIn {
  account: Account;
  token: string;
}

/** A chosen password may not be the login (CONTRACT input rules). */
export function assertPasswordDiffersFromLogin(login: string, password: string): void {
  if (password.toLowerCase() === login.toLowerCase()) {
    throw new DomainError('VALIDATION', 'The password must not be the login.', [
      { field: 'password', message: 'must not equal the login' },
    ]);
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
  ) {}

  /**
   * Unknown login, wrong password and disabled account all answer the same 401, after the same
   * amount of hashing work; each counts as a failure for the throttle.
   */
  async login(dto: LoginDto, clientAddress: string): Promise<SignedIn> {
    await this.throttle.assertAllowed(dto.login, clientAddress);
    const account = await this.accounts.findByLogin(dto.login);
    const valid = account ? await this.hasher.verify(account.passwordHash, dto.password) : await this.hasher.verifyNothing(dto.password);
    if (!account || !valid || account.disabledAt) {
      await this.throttle.countFailure(dto.login, clientAddress);
      await this.audit.record('login.failed', null, account?.id ?? null);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    const { token } = await this.writes.run(async (m) => {
      const created = await this.sessions.createIn(m, account.id);
      await this.audit.recordIn(m, 'login.succeeded', account.id, account.id);
      return created;
    });
    return { account: AccountsService.toAccount(account), token };
  }

  async logout(auth: RequestAuth): Promise<void> {
    await this.sessions.revoke(auth.sessionId, 'logout');
    await this.audit.record('logout', auth.accountId, auth.accountId);
  }

  /** The signed-in account (`GET /auth/me` adds the memberships, in the membership feature). */
  async account(auth: RequestAuth): Promise<Account> {
    return AccountsService.toAccount(await this.requireAccount(auth.accountId));
  }

  async updateAccount(auth: RequestAuth, dto: UpdateMeDto): Promise<Account> {
    if (dto.locale) {
      const locale = dto.locale;
      await this.writes.run((m) => this.accounts.updateIn(m, auth.accountId, { locale }));
    }
    return this.account(auth);
  }

  /** Checks the current password (a failure counts like a failed login), sets the new one, signs out everywhere else. */
  async changePassword(auth: RequestAuth, currentPassword: string, newPassword: string, clientAddress: string): Promise<void> {
    const account = await this.requireAccount(auth.accountId);
    await this.assertPassword(account, currentPassword, clientAddress);
    assertPasswordDiffersFromLogin(account.login, newPassword);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.writes.run(async (m) => {
      await this.accounts.updateIn(m, account.id, { passwordHash });
      await this.audit.recordIn(m, 'password.changed', account.id, account.id);
    });
    await this.sessions.revokeAll(account.id, 'password-changed', auth.sessionId);
  }

  async newRecoveryCodes(auth: RequestAuth, password: string, clientAddress: string): Promise<string[]> {
    const account = await this.requireAccount(auth.accountId);
    await this.assertPassword(account, password, clientAddress);
    return this.writes.run(async (m) => {
      const codes = await this.recoveryCodes.replaceIn(m, account.id);
      await this.audit.recordIn(m, 'recovery-codes.created', account.id, account.id);
      return codes;
    });
  }

  /** A forgotten password: login + one unused recovery code → new password, every session revoked. */
  async recover(login: string, recoveryCode: string, newPassword: string, clientAddress: string): Promise<void> {
    await this.throttle.assertAllowed(login, clientAddress);
    // Checked against the typed login whether or not it exists, so the answer does not reveal which logins do.
    assertPasswordDiffersFromLogin(login, newPassword);
    const account = await this.accounts.findByLogin(login);
    // Hash first (outside the write queue); it also evens out the time of unknown logins.
    const passwordHash = await this.hasher.hash(newPassword);
    const recovered =
      account && !account.disabledAt
        ? await this.writes.run(async (m) => {
            if (!(await this.recoveryCodes.consumeIn(m, account.id, recoveryCode))) return false;
            await this.accounts.updateIn(m, account.id, { passwordHash });
            await this.audit.recordIn(m, 'recovery.succeeded', account.id, account.id);
            return true;
          })
        : false;
    if (!recovered) {
      await this.throttle.countFailure(login, clientAddress);
      await this.audit.record('recovery.failed', null, account?.id ?? null);
      throw new DomainError('INVALID_CREDENTIALS', 'The login or recovery code is wrong.');
    }
    await this.sessions.revokeAll(account!.id, 'password-recovered');
  }

  listSessions(auth: RequestAuth): Promise<SessionItem[]> {
    return this.sessions.list(auth.accountId, auth.sessionId);
  }

  /** Another account's session id is simply not found. */
  async revokeSession(auth: RequestAuth, sessionId: string): Promise<void> {
    const session = await this.sessions.findOwned(auth.accountId, sessionId);
    if (!session) throw new DomainError('NOT_FOUND');
    await this.sessions.revoke(session.id, 'revoked');
    await this.audit.record('session.revoked', auth.accountId, auth.accountId);
  }

  async revokeOtherSessions(auth: RequestAuth): Promise<void> {
    await this.sessions.revokeAll(auth.accountId, 'revoked', auth.sessionId);
    await this.audit.record('session.revoked', auth.accountId, auth.accountId);
  }

  private async requireAccount(id: string): Promise<AccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw new DomainError('UNAUTHENTICATED');
    return account;
  }

  private async assertPassword(account: AccountEntity, password: string, clientAddress: string): Promise<void> {
    await this.throttle.assertAllowed(account.login, clientAddress);
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      await this.throttle.countFailure(account.login, clientAddress);
      throw new DomainError('INVALID_CREDENTIALS', 'The password is wrong.');
    }
  }
}
