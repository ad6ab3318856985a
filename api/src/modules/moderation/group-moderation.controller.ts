import { Body, Controller, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CursorQueryDto,
  UpdateRoomDto,
  WatchedWordsDto,
  type GroupWatchedWordsResponse,
  type ModerationLogItem,
  type ModerationSummary,
  type Page,
  type RoomState,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { ModerationLogService } from './moderation-log.service';
import { RoomControlsService } from './room-controls.service';
import { WatchedWordsService } from './watched-words.service';

@ApiTags('moderation')
@Controller('groups/:id')
export class GroupModerationController {
  constructor(
    private readonly room: RoomControlsService,
    private readonly words: WatchedWordsService,
    private readonly log: ModerationLogService,
  ) {}

  @Patch('room')
  @ApiOperation({
    summary: 'Lock the room, set slow mode (0–600 s) or pin rules; announced as room:state (facilitators of the group)',
  })
  updateRoom(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: UpdateRoomDto,
  ): Promise<RoomState> {
    return this.room.update(auth, groupId, dto);
  }

  @Get('watched-words')
  @ApiOperation({ summary: "The group's watched words, and the admin's list they add to (facilitators of the group)" })
  watchedWords(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<GroupWatchedWordsResponse> {
    return this.words.groupList(auth, groupId);
  }

  @Put('watched-words')
  @ApiOperation({ summary: "Replace the group's watched words (facilitators of the group)" })
  replaceWatchedWords(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: WatchedWordsDto,
  ): Promise<GroupWatchedWordsResponse> {
    return this.words.replaceGroupList(auth, groupId, dto);
  }

  @Get('moderation-log')
  @ApiOperation({ summary: "The group's moderation log, newest first (facilitators of the group)" })
  moderationLog(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Query() query: CursorQueryDto,
  ): Promise<Page<ModerationLogItem>> {
    return this.log.list(auth, groupId, query.cursor);
  }

  @Get('moderation/summary')
  @ApiOperation({ summary: 'What waits for the facilitators: open reports and alerts, held messages, running mutes' })
  summary(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<ModerationSummary> {
    return this.log.summary(auth, groupId);
  }
}
