import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MessageHistoryQueryDto, type Message, type Page } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { ChatService } from './chat.service';

@ApiTags('chat')
@Controller('groups/:id/messages')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Get()
  @ApiOperation({ summary: 'Message history, oldest first; page with before/after (message ids)' })
  history(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Query() query: MessageHistoryQueryDto): Promise<Page<Message>> {
    return this.chat.history(auth, groupId, query);
  }
}
