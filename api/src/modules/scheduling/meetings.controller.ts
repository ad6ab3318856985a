import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateMeetingDto,
  CreateScheduleDto,
  type Meeting,
  MeetingsQueryDto,
  type Page,
  RsvpDto,
  type RsvpResult,
  type ScheduleCreated,
  UpdateMeetingDto,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { MeetingsService } from './meetings.service';
import { RsvpService } from './rsvp.service';

/** Access ("facilitator of this group", "member of this group") is decided in the services. */
@ApiTags('scheduling')
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly rsvps: RsvpService,
  ) {}

  @Post('groups/:id/schedules')
  @ApiOperation({ summary: "Create a weekly or biweekly series in the group's time zone (the group's facilitators)" })
  createSeries(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: CreateScheduleDto,
  ): Promise<ScheduleCreated> {
    return this.meetings.createSeries(auth, groupId, dto);
  }

  @Post('groups/:id/meetings')
  @ApiOperation({
    summary: "Create a one-off meeting; it may have started up to its duration ago (the group's facilitators)",
  })
  createOne(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<Meeting> {
    return this.meetings.createOne(auth, groupId, dto);
  }

  @Get('groups/:id/meetings')
  @ApiOperation({ summary: "The group's meetings starting in ?from … ?to (default now − 1 day … now + 90 days)" })
  list(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Query() query: MeetingsQueryDto,
  ): Promise<Page<Meeting>> {
    return this.meetings.list(auth, groupId, query);
  }

  @Patch('meetings/:id')
  @ApiOperation({
    summary: 'Move, lengthen, cancel or restore a meeting, or with scope "following" the rest of its series too',
  })
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') meetingId: string,
    @Body() dto: UpdateMeetingDto,
  ): Promise<Meeting> {
    return this.meetings.update(auth, meetingId, dto);
  }

  @Put('meetings/:id/rsvp')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer going or not going; beyond the places a "yes" joins the waitlist' })
  rsvp(@CurrentAuth() auth: RequestAuth, @Param('id') meetingId: string, @Body() dto: RsvpDto): Promise<RsvpResult> {
    return this.rsvps.respond(auth, meetingId, dto);
  }
}
