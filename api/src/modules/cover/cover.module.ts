import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { CoverAutoCancel } from './cover-auto-cancel';
import { CoverController } from './cover.controller';
import { CoverGapNotices } from './cover-gap-notices';
import { CoverJobs } from './cover-jobs';
import { CoverService } from './cover.service';
import { CoverTrackingEntity } from './entities/cover-tracking.entity';

/**
 * Facilitator cover: facilitators take and give back meetings, staff see the gaps, the group's
 * staff hear of a gap 72 hours ahead, and a meeting still uncovered at the group's
 * `coverCancelHours` is cancelled with the ordinary notice. Depends on scheduling (meetings, the
 * `meeting_covers` rows every meeting view reads, the cancellation path); nothing depends on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CoverTrackingEntity]), SchedulingModule, NotificationsModule, JobsModule],
  controllers: [CoverController],
  providers: [CoverService, CoverGapNotices, CoverAutoCancel, CoverJobs],
})
export class CoverModule {}
