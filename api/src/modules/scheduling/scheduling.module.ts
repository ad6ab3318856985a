import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipModule } from '../membership/membership.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarTokenEntity } from './entities/calendar-token.entity';
import { MeetingAttendanceEntity } from './entities/meeting-attendance.entity';
import { MeetingCoverEntity } from './entities/meeting-cover.entity';
import { MeetingRsvpEntity } from './entities/meeting-rsvp.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { ScheduleEntity } from './entities/schedule.entity';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingNotices } from './meeting-notices';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { RsvpService } from './rsvp.service';
import { SchedulingJobs } from './scheduling-jobs';
import { SchedulingPersonalData } from './scheduling-personal-data';

/**
 * Schedules, meetings, RSVP and waitlist, attendance and the calendar feed. The room window that
 * follows the meetings is room-rules' (it hears MEETINGS_CHANGED). Exports MeetingsService and
 * MeetingAccessService for Facilitator cover (which owns taking and giving back `meeting_covers`),
 * AttendanceService for the chat (presence) and the care loop.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ScheduleEntity,
      MeetingEntity,
      MeetingRsvpEntity,
      MeetingAttendanceEntity,
      MeetingCoverEntity,
      CalendarTokenEntity,
    ]),
    MembershipModule,
    NotificationsModule,
    JobsModule,
  ],
  controllers: [MeetingsController, AttendanceController, CalendarController],
  providers: [
    MeetingAccessService,
    MeetingNotices,
    MeetingsService,
    RsvpService,
    AttendanceService,
    CalendarService,
    SchedulingJobs,
    SchedulingPersonalData,
  ],
  exports: [AttendanceService, MeetingsService, MeetingAccessService],
})
export class SchedulingModule {}
