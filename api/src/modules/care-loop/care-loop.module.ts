import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipModule } from '../membership/membership.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { CareLoopJobs } from './care-loop-jobs';
import { CareLoopController } from './care-loop.controller';
import { CareLoopNudges } from './care-loop-nudges';
import { CareLoopService } from './care-loop.service';
import { CareMissedText } from './care-missed-text';

/**
 * The care loop: a member who opted in (their `careLoop` on the membership) has their referring
 * coordinator told when they miss `careLoopAfter` meetings in a row, once until they attend again.
 * Reads attendance (scheduling), writes the nudge state on the membership and the referral, and
 * renders its `care-missed` notification when read. Nothing depends on it.
 */
@Module({
  imports: [SchedulingModule, ReferralsModule, MembershipModule, NotificationsModule, JobsModule],
  controllers: [CareLoopController],
  providers: [CareLoopService, CareLoopNudges, CareMissedText, CareLoopJobs],
})
export class CareLoopModule {}
