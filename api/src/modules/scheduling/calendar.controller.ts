import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CalendarTokenResponse } from '@tryg/shared';
import { CurrentAuth, Public, type RequestAuth } from '../../common/request-auth';
import { CalendarService } from './calendar.service';

/** Set only once the feed is built, so an error still goes out as JSON. */
function asCalendar(res: Response, body: string): string {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', 'inline; filename="calendar.ics"');
  return body;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('me/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'My meetings as iCalendar, with neutral titles unless I opted in' })
  async mine(@CurrentAuth() auth: RequestAuth, @Res({ passthrough: true }) res: Response): Promise<string> {
    return asCalendar(res, await this.calendar.feedForAuth(auth));
  }

  @Post('me/calendar-token')
  @ApiOperation({ summary: 'Create my secret calendar feed URL (replaces the old one); shown once' })
  issue(@CurrentAuth() auth: RequestAuth, @Req() req: Request): Promise<CalendarTokenResponse> {
    return this.calendar.issueToken(auth, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }

  @Delete('me/calendar-token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke my calendar feed URL' })
  revoke(@CurrentAuth() auth: RequestAuth): Promise<void> {
    return this.calendar.revokeToken(auth);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'A calendar feed by its secret URL (for calendar apps; no session)' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return asCalendar(res, await this.calendar.feedForToken(token));
  }
}
