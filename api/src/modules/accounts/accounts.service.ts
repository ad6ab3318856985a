import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { type Account, DEFAULT_LOCALE, type Locale, type Role } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { AccountEntity } from './entities/account.entity';

export interface NewAccount {
  login: string;
  role: Role;
  passwordHash: string;
  displayName?: string | null;
  locale?: Locale;
}

/** Accounts as data: lookups and writes. Passwords and sessions are the auth module's. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly clock: Clock,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ id });
  }

  findByLogin(login: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ login: login.toLowerCase() });
  }

  findByRoles(roles: Role[]): Promise<AccountEntity[]> {
    return this.accounts
      .createQueryBuilder('a')
      .where('a.role IN (:...roles)', { roles })
      .orderBy('a.created_at', 'ASC')
      .getMany();
  }

  async existsWithRole(role: Role): Promise<boolean> {
    return (await this.accounts.countBy({ role })) > 0;
  }

  /** Inside the caller's transaction; a taken login → 409 LOGIN_TAKEN. */
  async createIn(manager: EntityManager, input: NewAccount): Promise<AccountEntity> {
    const login = input.login.toLowerCase();
    if (await manager.existsBy(AccountEntity, { login })) throw new DomainError('LOGIN_TAKEN');
    const now = this.clock.now();
    const account = manager.create(AccountEntity, {
      id: randomUUID(),
      login,
      role: input.role,
      locale: input.locale ?? DEFAULT_LOCALE,
      passwordHash: input.passwordHash,
      displayName: input.displayName ?? null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(AccountEntity, account);
    return account;
  }

  async updateIn(manager: EntityManager, id: string, changes: Partial<Pick<AccountEntity, 'passwordHash' | 'locale' | 'disabledAt' | 'displayName'>>): Promise<void> {
    await manager.update(AccountEntity, { id }, { ...changes, updatedAt: this.clock.now() });
  }

  static toAccount(entity: AccountEntity): Account {
    return { id: entity.id, login: entity.login, role: entity.role, locale: entity.locale };
  }
}
