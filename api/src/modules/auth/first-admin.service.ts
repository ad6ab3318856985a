import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { randomToken } from '../../common/crypto';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from './password-hasher';

export const INITIAL_ADMIN_PASSWORD_FILE = 'initial-admin-password';

/**
 * There is no public sign-up, so the first admin comes from the environment. Outside production,
 * with nothing set, a newcomer gets `admin` with a random password written only to a 0600 file
 * (never printed: console logs are often collected).
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.accounts.existsWithRole('admin')) return;
    if (this.config.admin) {
      try {
        await this.create(this.config.admin.login, this.config.admin.password);
        this.logger.log(`Created the first admin from TRYG_ADMIN_LOGIN.`);
      } catch (error) {
        // Several instances starting together: one of them wins, the others carry on.
        if (!(await this.accounts.existsWithRole('admin'))) throw error;
      }
      return;
    }
    if (this.config.production) {
      this.logger.warn('No admin exists: set TRYG_ADMIN_LOGIN and TRYG_ADMIN_PASSWORD and restart.');
      return;
    }
    const password = randomToken(18);
    mkdirSync(this.config.dataDir, { recursive: true, mode: 0o700 });
    const file = join(this.config.dataDir, INITIAL_ADMIN_PASSWORD_FILE);
    // A fresh file: writing over a leftover one would keep its mode (maybe world-readable) or follow
    // a symlink. Written before the account exists, so a failed write cannot leave an admin nobody can use.
    rmSync(file, { force: true });
    writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' });
    await this.create('admin', password);
    this.logger.warn(`Created admin account "admin"; its password is in ${file} (readable by this user only).`);
  }

  private async create(login: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.writes.run(async (m) => {
      const account = await this.accounts.createIn(m, { login, role: 'admin', passwordHash, displayName: null });
      await this.audit.recordIn(m, 'admin.bootstrapped', null, account.id);
    });
  }
}
