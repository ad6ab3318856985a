import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsPersonalData } from './notifications-personal-data';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications. Any feature may import this module and call `NotificationsService.notify`
 * (e.g. intake decisions, keep-apart matches for coordinators, meeting reminders).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsPersonalData],
  exports: [NotificationsService],
})
export class NotificationsModule {}
