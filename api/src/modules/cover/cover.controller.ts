import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CoverListQueryDto, CoverScopeQueryDto, type CoverItem, type Meeting, type Page } from '@tryg/shared';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { CoverService } from './cover.service';

/** Who may take which meeting is decided in the service ("a facilitator of this group"). */
@ApiTags('cover')
@Controller()
export class CoverController {
  constructor(private readonly cover: CoverService) {}

  @Post('meetings/:id/cover')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a meeting (with ?scope=following, the rest of its series too) — a facilitator of the group',
  })
  take(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') meetingId: string,
    @Query() query: CoverScopeQueryDto,
  ): Promise<Meeting> {
    return this.cover.take(auth, meetingId, query.scope);
  }

  @Delete('meetings/:id/cover')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a meeting back (with ?scope=following, the rest of its series too); answers the meeting' })
  giveBack(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') meetingId: string,
    @Query() query: CoverScopeQueryDto,
  ): Promise<Meeting> {
    return this.cover.giveBack(auth, meetingId, query.scope);
  }

  @Get('cover-gaps')
  @RequirePermission('cover-gaps.read')
  @ApiOperation({
    summary: 'Meetings nobody covers in the next ?days (default 14): facilitators their groups, admins all',
  })
  gaps(@CurrentAuth() auth: RequestAuth, @Query() query: CoverListQueryDto): Promise<Page<CoverItem>> {
    return this.cover.gaps(auth, query.days, query.cursor);
  }

  @Get('me/cover')
  @RequirePermission('meeting.cover')
  @ApiOperation({ summary: 'The meetings I cover in the next ?days (default 14), soonest first (facilitators)' })
  mine(@CurrentAuth() auth: RequestAuth, @Query() query: CoverListQueryDto): Promise<Page<CoverItem>> {
    return this.cover.mine(auth, query.days, query.cursor);
  }
}
