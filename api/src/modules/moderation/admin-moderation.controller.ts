import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HelpLinesDto,
  WatchedWordsDto,
  type HelpLineEntry,
  type HelpLinesResponse,
  type Page,
  type WatchedWordsResponse,
} from '@tryg/shared';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { HelpLinesService } from './help-lines.service';
import { WatchedWordsService } from './watched-words.service';

@ApiTags('admin')
@Controller()
export class AdminModerationController {
  constructor(
    private readonly words: WatchedWordsService,
    private readonly helpLines: HelpLinesService,
  ) {}

  @Get('admin/watched-words')
  @RequirePermission('watched-words.manage')
  @ApiOperation({ summary: 'The watched words of every group (admin)' })
  watchedWords(): Promise<WatchedWordsResponse> {
    return this.words.adminList();
  }

  @Put('admin/watched-words')
  @RequirePermission('watched-words.manage')
  @ApiOperation({
    summary:
      "Replace every group's watched words: 'hold' keeps a message for review, 'crisis' alerts the facilitators (admin)",
  })
  replaceWatchedWords(@CurrentAuth() auth: RequestAuth, @Body() dto: WatchedWordsDto): Promise<WatchedWordsResponse> {
    return this.words.replaceAdminList(auth, dto);
  }

  @Get('admin/help-lines')
  @RequirePermission('help-lines.manage')
  @ApiOperation({ summary: 'The help lines shown with crisis wording, in Danish and English (admin)' })
  adminHelpLines(): Promise<HelpLinesResponse> {
    return this.helpLines.adminList();
  }

  @Put('admin/help-lines')
  @RequirePermission('help-lines.manage')
  @ApiOperation({ summary: 'Replace the help lines (admin; check every number)' })
  replaceHelpLines(@CurrentAuth() auth: RequestAuth, @Body() dto: HelpLinesDto): Promise<HelpLinesResponse> {
    return this.helpLines.replace(auth, dto);
  }

  @Get('help-lines')
  @ApiOperation({ summary: 'The help lines, in Danish and English (signed in)' })
  list(): Promise<Page<HelpLineEntry>> {
    return this.helpLines.list();
  }
}
