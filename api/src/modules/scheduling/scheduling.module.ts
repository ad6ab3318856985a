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
import { RoomStateService } from './room-state.service';
import { RsvpService } from './rsvp.service';
import { SchedulingJobs } from './scheduling-jobs';
import { SchedulingPersonalData } from './scheduling-personal-data';

/**
 * Schedules, meetings, RSVP and waitlist, attendance, the calendar feed and the room window.
 * Exports RoomStateService and AttendanceService for the Live rooms issue; MeetingsService and
 * MeetingAccessService for Facilitator cover (which owns taking and giving back `meeting_covers`),
 * AttendanceService for the care loop.
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
    RoomStateService,
    SchedulingJobs,
    SchedulingPersonalData,
  ],
  exports: [RoomStateService, AttendanceService, MeetingsService, MeetingAccessService],
})
export class SchedulingModule {}
