import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationsService } from './notifications.service';

/** A person's notifications: exported as shown to them; deleted with the account. */
@Injectable()
@HoldsPersonalData()
export class NotificationsPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'notifications';

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly service: NotificationsService,
  ) {}

  async exportPersonalData(accountId: string) {
    const rows = await this.notifications.find({ where: { accountId }, order: { createdAt: 'ASC' } });
    return this.service.toItems(accountId, rows);
  }

  async erasePersonalData(manager: EntityManager, accountId: string): Promise<void> {
    await manager.delete(NotificationEntity, { accountId });
  }
}
