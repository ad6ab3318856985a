import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { ReferralsModule } from '../referrals/referrals.module';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReferralEntity]), MembershipModule, ReferralsModule, NotificationsModule],
  controllers: [IntakeController],
  providers: [IntakeService],
})
export class IntakeModule {}
