import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MarkNotificationsReadDto, NotificationsQueryDto, type NotificationPage } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first, with the unread count' })
  list(@CurrentAuth() auth: RequestAuth, @Query() query: NotificationsQueryDto): Promise<NotificationPage> {
    return this.notifications.list(auth, query.cursor);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark my notifications read (the given ids, or all)' })
  markRead(@CurrentAuth() auth: RequestAuth, @Body() dto: MarkNotificationsReadDto): Promise<void> {
    return this.notifications.markRead(auth, dto.ids);
  }
}
