import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';
import { DeclinedAccountsJob } from './declined-accounts.job';
import { JobsModule } from '../jobs/jobs.module';

@Module({
  imports: [DiscoveryModule, AccountsModule, AuthModule, JobsModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, DeclinedAccountsJob],
})
export class PrivacyModule {}
