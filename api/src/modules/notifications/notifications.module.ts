import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsPersonalData } from './notifications-personal-data';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications. Any feature may import this module and call `NotificationsService.notify`
 * (e.g. intake decisions, keep-apart matches for coordinators, meeting reminders). A kind whose
 * text names something sealed at rest is stored as ids and rendered when read by the feature that
 * owns it (notification-late-text.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), DiscoveryModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsPersonalData],
  exports: [NotificationsService],
})
export class NotificationsModule {}
