import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AccountsService } from '../accounts/accounts.service';
import { AccountEntity } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { DomainError } from '../../common/domain-error';
import { HOLDS_PERSONAL_DATA, type PersonalDataHolder } from '../../common/personal-data';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { Clock } from '../../common/clock';

/**
 * The person's rights over their data: a full export, and a deletion that really deletes.
 * Each feature holding personal data takes part through @HoldsPersonalData().
 */
@Injectable()
export class PrivacyService {
  private holdersCache: PersonalDataHolder[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  private holders(): PersonalDataHolder[] {
    this.holdersCache ??= this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && this.reflector.get(HOLDS_PERSONAL_DATA, wrapper.metatype))
      .map((wrapper) => wrapper.instance as PersonalDataHolder);
    return this.holdersCache;
  }

  async exportAll(auth: RequestAuth): Promise<Record<string, unknown>> {
    const account = await this.accounts.findById(auth.accountId);
    if (!account) throw new DomainError('UNAUTHENTICATED');
    const result: Record<string, unknown> = {
      exportedAt: this.clock.now().toISOString(),
      account: { ...AccountsService.toAccount(account), createdAt: account.createdAt.toISOString() },
      sessions: await this.sessions.list(account.id, auth.sessionId),
    };
    for (const holder of this.holders()) result[holder.personalDataKey] = await holder.exportPersonalData(account.id);
    return result;
  }

  /**
   * Deletes the account after checking the password: sessions and sockets are cut first, then
   * every feature erases its part and the account row goes, all in one transaction. SQLite's
   * secure_delete overwrites the freed pages; a checkpoint empties the write-ahead log.
   */
  async deleteAccount(auth: RequestAuth, password: string, clientAddress: string): Promise<void> {
    const account = await this.accounts.findById(auth.accountId);
    if (!account) throw new DomainError('UNAUTHENTICATED');
    await this.throttle.assertAllowed(account.login, clientAddress);
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      await this.throttle.countFailure(account.login, clientAddress);
      throw new DomainError('INVALID_CREDENTIALS', 'The password is wrong.');
    }
    await this.erase(account.id, 'account.deleted');
  }

  /** Cuts the account's sessions and sockets, then erases everything about it in one transaction. */
  async erase(accountId: string, auditType: 'account.deleted' | 'account.expired'): Promise<void> {
    await this.sessions.revokeAll(accountId, 'account-deleted');
    const replacementId = randomUUID();
    await this.writes.run(async (m) => {
      for (const holder of this.holders()) await holder.erasePersonalData(m, accountId, replacementId);
      await this.audit.pseudonymizeIn(m, [accountId], replacementId);
      await m.delete(AccountEntity, { id: accountId });
      await this.audit.recordIn(m, auditType, replacementId, replacementId);
    });
    for (const holder of this.holders()) await holder.afterErase?.(accountId);
    // Nothing of the account may stay in SQLite's write-ahead log either.
    await this.writes.checkpoint();
  }
}
