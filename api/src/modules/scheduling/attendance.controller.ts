import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AttendanceItem,
  type AttendanceRecord,
  type MeetingAttendanceItem,
  type Page,
  SetAttendanceDto,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { AttendanceService } from './attendance.service';

@ApiTags('scheduling')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('groups/:id/attendance')
  @ApiOperation({
    summary: "Each member's recent attendance (the group's facilitators)",
    description:
      "`attended`: of the group's last 10 ended, not cancelled meetings since the member was approved (`recentMeetings`), how many they were present at; `missedInARow`: how many of the latest of those in a row they were not.",
  })
  list(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<Page<AttendanceItem>> {
    return this.attendance.list(auth, groupId);
  }

  @Get('meetings/:id/attendance')
  @ApiOperation({
    summary: "What is recorded for one meeting so far (the group's facilitators)",
    description:
      '`source`: `presence` when the member was in the room during the meeting, `facilitator` when a facilitator set it. Members without a record have none yet.',
  })
  ofMeeting(@CurrentAuth() auth: RequestAuth, @Param('id') meetingId: string): Promise<Page<MeetingAttendanceItem>> {
    return this.attendance.ofMeeting(auth, meetingId);
  }

  @Put('meetings/:id/attendance/:memberId')
  @HttpCode(200)
  @ApiOperation({ summary: "Record whether a member was present (the group's facilitators)" })
  set(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') meetingId: string,
    @Param('memberId') memberId: string,
    @Body() dto: SetAttendanceDto,
  ): Promise<AttendanceRecord> {
    return this.attendance.set(auth, meetingId, memberId, dto);
  }
}
