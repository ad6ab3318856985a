import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MessageHistoryQueryDto, RemoveMessageDto, type Message, type Page } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { ChatService } from './chat.service';
import { MessageModeration } from './message-moderation.service';

@ApiTags('chat')
@Controller('groups/:id/messages')
export class ChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly moderation: MessageModeration,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Message history, oldest first; page with before/after (message ids)' })
  history(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Query() query: MessageHistoryQueryDto): Promise<Page<Message>> {
    return this.chat.history(auth, groupId, query);
  }

  @Delete(':messageId')
  @HttpCode(204)
  @ApiOperation({ summary: "Delete my message (the body is erased for everyone), or, as the group's facilitator, remove one with a reason" })
  delete(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Param('messageId') messageId: string,
    @Body() body: RemoveMessageDto,
  ): Promise<void> {
    return this.moderation.remove(auth, groupId, messageId, body.reason);
  }

  @Post(':messageId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a held message to the group (facilitators of the group)' })
  approve(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Param('messageId') messageId: string): Promise<Message> {
    return this.moderation.approve(auth, groupId, messageId);
  }
}
