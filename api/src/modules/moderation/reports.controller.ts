import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  QueueQueryDto,
  ReportMessageDto,
  ResolveReportDto,
  type OwnReport,
  type QueuePage,
  type Report,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('groups/:id/messages/:messageId/report')
  @ApiOperation({
    summary: "Report a message to the group's facilitators (members); the reporter is never named",
    description: '409 CONFLICT when the message is already removed, or this member has reported it before.',
  })
  report(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('messageId') messageId: string,
    @Body() dto: ReportMessageDto,
  ): Promise<OwnReport> {
    return this.reports.report(auth, groupId, messageId, dto);
  }

  @Get('groups/:id/reports')
  @ApiOperation({
    summary: "The group's reports, newest first, with the number still open (facilitators of the group)",
  })
  list(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Query() query: QueueQueryDto,
  ): Promise<QueuePage<Report>> {
    return this.reports.list(auth, groupId, query);
  }

  @Post('reports/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve a report, optionally carrying out an action (facilitators of its group)',
    description: '409 CONFLICT when the report is already resolved, or the message it would remove is already removed.',
  })
  resolve(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') reportId: string,
    @Body() dto: ResolveReportDto,
  ): Promise<Report> {
    return this.reports.resolve(auth, reportId, dto);
  }
}
