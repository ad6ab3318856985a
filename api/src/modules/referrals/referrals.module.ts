import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { MembershipModule } from '../membership/membership.module';
import { ReferralEntity } from './entities/referral.entity';
import { ReferenceHasher } from './keep-apart';
import { RedeemController, ReferralsController } from './referrals.controller';
import { RedeemService } from './redeem.service';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReferralEntity]), MembershipModule, AccountsModule, AuthModule],
  controllers: [ReferralsController, RedeemController],
  providers: [ReferralsService, RedeemService, ReferenceHasher],
  exports: [ReferralsService, ReferenceHasher],
})
export class ReferralsModule {}
