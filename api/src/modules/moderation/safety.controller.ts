import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  QueueQueryDto,
  RaiseSafetyDto,
  ResolveSafetyDto,
  type OwnSafetyAlert,
  type QueuePage,
  type SafetyAlertItem,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { SafetyService } from './safety.service';

@ApiTags('safety')
@Controller()
export class SafetyController {
  constructor(private readonly safety: SafetyService) {}

  @Post('groups/:id/safety')
  @ApiOperation({
    summary:
      '"I\'m not safe right now" or "I think I know this person": a private alert to the group\'s facilitators (members)',
  })
  raise(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: RaiseSafetyDto,
  ): Promise<OwnSafetyAlert> {
    return this.safety.raise(auth, groupId, dto);
  }

  @Get('groups/:id/safety')
  @ApiOperation({
    summary: "The group's safety alerts, newest first, with the number still open (facilitators of the group)",
  })
  list(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Query() query: QueueQueryDto,
  ): Promise<QueuePage<SafetyAlertItem>> {
    return this.safety.list(auth, groupId, query);
  }

  @Post('safety/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a safety alert; a hidden member is shown again (facilitators of its group)' })
  resolve(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') alertId: string,
    @Body() dto: ResolveSafetyDto,
  ): Promise<SafetyAlertItem> {
    return this.safety.resolve(auth, alertId, dto);
  }
}
