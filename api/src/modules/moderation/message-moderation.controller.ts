import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemoveMessageDto, type Message } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { MessageModeration } from './message-moderation.service';

@ApiTags('chat')
@Controller('groups/:id/messages')
export class MessageModerationController {
  constructor(private readonly moderation: MessageModeration) {}

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
