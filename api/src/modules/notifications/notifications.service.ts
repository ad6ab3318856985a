import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { DEFAULT_LOCALE, type NotificationItem, type NotificationKind, type NotificationPage } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountEntity } from '../accounts/entities/account.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationEntity } from './entities/notification.entity';
import { type NotificationParamsMap, renderNotification } from './notification-texts';

const PAGE_SIZE = 50;

export function toNotificationItem(entity: NotificationEntity): NotificationItem {
  return {
    id: entity.id,
    kind: entity.kind,
    text: entity.text,
    createdAt: entity.createdAt.toISOString(),
    readAt: entity.readAt ? entity.readAt.toISOString() : null,
  };
}

export interface NotifyOptions {
  /** Makes the notification idempotent: a second one with the same key is not created. */
  dedupeKey?: string;
}

/**
 * In-app notifications. Other features call `notify` inside their own write transaction and
 * `publish` with what it returned after that transaction committed (a socket must never announce
 * something that was rolled back); `notifyNow` does both for a caller without a transaction.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
  ) {}

  /** Renders the neutral text in the account's language and stores it; null if deduplicated or no such account. */
  async notify<K extends NotificationKind>(
    manager: EntityManager,
    accountId: string,
    kind: K,
    params: NotificationParamsMap[K],
    options: NotifyOptions = {},
  ): Promise<NotificationEntity | null> {
    const account = await manager.findOne(AccountEntity, {
      where: { id: accountId },
      select: { id: true, locale: true },
    });
    if (!account) return null;
    const now = this.clock.now();
    const row: NotificationEntity = {
      id: randomUUID(),
      accountId,
      kind,
      text: renderNotification(kind, params, account.locale ?? DEFAULT_LOCALE, now),
      dedupeKey: options.dedupeKey ?? null,
      createdAt: now,
      readAt: null,
    };
    // INSERT OR IGNORE / ON CONFLICT DO NOTHING: the unique dedupe key makes a repeat a no-op
    // even if two writers race, without aborting the caller's transaction.
    await manager.createQueryBuilder().insert().into(NotificationEntity).values(row).orIgnore().execute();
    if (options.dedupeKey) {
      const stored = await manager.findOne(NotificationEntity, {
        where: { dedupeKey: options.dedupeKey },
        select: { id: true },
      });
      if (stored?.id !== row.id) return null;
    }
    return row;
  }

  /** After the commit: tells the account's open sockets (`notification:new`). */
  publish(created: ReadonlyArray<NotificationEntity | null>): void {
    for (const notification of created) {
      if (notification)
        this.realtime.toAccount(notification.accountId, 'notification:new', {
          notification: toNotificationItem(notification),
        });
    }
  }

  async notifyNow<K extends NotificationKind>(
    accountId: string,
    kind: K,
    params: NotificationParamsMap[K],
    options: NotifyOptions = {},
  ): Promise<NotificationItem | null> {
    const created = await this.writes.run((m) => this.notify(m, accountId, kind, params, options));
    this.publish([created]);
    return created ? toNotificationItem(created) : null;
  }

  /** Newest first, with the number still unread. */
  async list(auth: RequestAuth, rawCursor?: string): Promise<NotificationPage> {
    const cursor = decodeCursor(rawCursor);
    const query = this.notifications
      .createQueryBuilder('n')
      .where('n.account_id = :accountId', { accountId: auth.accountId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(PAGE_SIZE + 1);
    if (cursor) {
      query.andWhere('(n.created_at < :at OR (n.created_at = :at AND n.id < :id))', { at: cursor.at, id: cursor.id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, PAGE_SIZE);
    const last = page[page.length - 1];
    const unread = await this.notifications.countBy({ accountId: auth.accountId, readAt: IsNull() });
    return {
      items: page.map(toNotificationItem),
      nextCursor:
        rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      unread,
    };
  }

  /** Marks the given (own) notifications read, or all of them; others' ids are silently ignored. */
  async markRead(auth: RequestAuth, ids?: string[]): Promise<void> {
    const now = this.clock.now();
    await this.writes.run(async (m) => {
      const where = ids
        ? { accountId: auth.accountId, readAt: IsNull(), id: In(ids) }
        : { accountId: auth.accountId, readAt: IsNull() };
      if (ids && ids.length === 0) return;
      await m.update(NotificationEntity, where, { readAt: now });
    });
  }
}
