import { Injectable } from '@nestjs/common';
import { type CreateStaffDto, type Page, STAFF_ROLES, type StaffItem } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountEvents } from '../accounts/account-events';
import { AccountsService } from '../accounts/accounts.service';
import type { AccountEntity } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { assertPasswordDiffersFromLogin } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';

function toStaffItem(account: AccountEntity): StaffItem {
  return {
    id: account.id,
    login: account.login,
    role: account.role,
    locale: account.locale,
    displayName: account.displayName,
    disabled: account.disabledAt !== null,
    createdAt: account.createdAt.toISOString(),
  };
}

/** Staff accounts are created by an admin; there is no public sign-up. */
@Injectable()
export class StaffService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly accountEvents: AccountEvents,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<Page<StaffItem>> {
    const staff = await this.accounts.findByRoles([...STAFF_ROLES]);
    return { items: staff.map(toStaffItem), nextCursor: null };
  }

  async create(auth: RequestAuth, dto: CreateStaffDto): Promise<AccountEntity> {
    assertPasswordDiffersFromLogin(dto.login, dto.password);
    if (await this.accounts.findByLogin(dto.login)) throw new DomainError('LOGIN_TAKEN');
    const passwordHash = await this.hasher.hash(dto.password);
    return this.writes.run(async (m) => {
      const account = await this.accounts.createIn(m, {
        login: dto.login,
        role: dto.role,
        passwordHash,
        displayName: dto.displayName ?? null,
      });
      await this.audit.recordIn(m, 'staff.created', auth.accountId, account.id);
      return account;
    });
  }

  /** Disabling signs the person out everywhere and cuts their sockets before answering. */
  async setDisabled(auth: RequestAuth, accountId: string, disabled: boolean): Promise<StaffItem> {
    const account = await this.accounts.findById(accountId);
    if (!account || !(STAFF_ROLES as readonly string[]).includes(account.role)) throw new DomainError('NOT_FOUND');
    if ((account.disabledAt !== null) === disabled) throw new DomainError('CONFLICT', disabled ? 'Already disabled.' : 'Already enabled.');
    if (disabled && account.id === auth.accountId) throw new DomainError('CONFLICT', 'You cannot disable your own account.');
    const disabledAt = disabled ? this.clock.now() : null;
    await this.writes.run(async (m) => {
      await this.accounts.updateIn(m, account.id, { disabledAt });
      if (disabled) await this.accountEvents.disabledIn(m, account.id);
      await this.audit.recordIn(m, disabled ? 'staff.disabled' : 'staff.enabled', auth.accountId, account.id);
    });
    if (disabled) await this.sessions.revokeAll(account.id, 'account-disabled');
    return toStaffItem({ ...account, disabledAt });
  }
}
