import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { DEFAULT_LOCALE, type Locale, type NotificationItem, type NotificationPage } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountEntity } from '../accounts/entities/account.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationEntity } from './entities/notification.entity';
import {
  isLateKind,
  type LateNotificationKind,
  type LateNotificationParamsMap,
  type LateNotificationRenderer,
  RENDERS_NOTIFICATION_TEXT,
} from './notification-late-text';
import { type EagerNotificationKind, type NotificationParamsMap, renderNotification } from './notification-texts';

const PAGE_SIZE = 50;

/** Shown when a late kind cannot be rendered (its subject is gone): still neutral, never an error. */
const UNRENDERABLE: Record<Locale, string> = {
  da: 'En henvisning kræver din opmærksomhed',
  en: 'A referral needs your attention',
};

function toNotificationItem(entity: NotificationEntity, text = entity.text): NotificationItem {
  return {
    id: entity.id,
    kind: entity.kind,
    text,
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
export class NotificationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly lateRenderers = new Map<LateNotificationKind, LateNotificationRenderer>();

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Finds, once at start-up, the features that render late kinds (@RendersNotificationText()). */
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance || !this.reflector.get(RENDERS_NOTIFICATION_TEXT, wrapper.metatype))
        continue;
      const renderer = wrapper.instance as LateNotificationRenderer;
      this.lateRenderers.set(renderer.lateKind, renderer);
    }
  }

  /** Renders the neutral text in the account's language and stores it; null if deduplicated or no such account. */
  async notify<K extends EagerNotificationKind>(
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
    const text = renderNotification(kind, params, account.locale ?? DEFAULT_LOCALE, this.clock.now());
    return this.store(manager, accountId, kind, text, null, options);
  }

  /** A kind rendered when read: the row keeps the ids in `params` and no text. */
  async notifyLate<K extends LateNotificationKind>(
    manager: EntityManager,
    accountId: string,
    kind: K,
    params: LateNotificationParamsMap[K],
    options: NotifyOptions = {},
  ): Promise<NotificationEntity | null> {
    if (!(await manager.existsBy(AccountEntity, { id: accountId }))) return null;
    return this.store(manager, accountId, kind, '', JSON.stringify(params), options);
  }

  private async store(
    manager: EntityManager,
    accountId: string,
    kind: NotificationEntity['kind'],
    text: string,
    params: string | null,
    options: NotifyOptions,
  ): Promise<NotificationEntity | null> {
    const now = this.clock.now();
    const row: NotificationEntity = {
      id: randomUUID(),
      accountId,
      kind,
      text,
      params,
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
      if (!notification) continue;
      if (isLateKind(notification.kind)) {
        void this.publishRendered(notification);
        continue;
      }
      this.realtime.toAccount(notification.accountId, 'notification:new', {
        notification: toNotificationItem(notification),
      });
    }
  }

  private async publishRendered(notification: NotificationEntity): Promise<void> {
    try {
      const [item] = await this.toItems(notification.accountId, [notification]);
      this.realtime.toAccount(notification.accountId, 'notification:new', { notification: item });
    } catch (error) {
      this.logger.error(`notification push failed: ${(error as Error).message}`);
    }
  }

  /** The items as their owner reads them: late kinds are rendered now, in the owner's language. */
  async toItems(accountId: string, rows: NotificationEntity[]): Promise<NotificationItem[]> {
    if (!rows.some((row) => isLateKind(row.kind))) return rows.map((row) => toNotificationItem(row));
    const account = await this.notifications.manager.findOne(AccountEntity, {
      where: { id: accountId },
      select: { id: true, locale: true },
    });
    const reader = { accountId, locale: account?.locale ?? DEFAULT_LOCALE };
    const items: NotificationItem[] = [];
    for (const row of rows) items.push(toNotificationItem(row, await this.lateText(row, reader)));
    return items;
  }

  private async lateText(row: NotificationEntity, reader: { accountId: string; locale: Locale }): Promise<string> {
    if (!isLateKind(row.kind)) return row.text;
    const renderer = this.lateRenderers.get(row.kind);
    if (!renderer || !row.params) return UNRENDERABLE[reader.locale];
    try {
      return await renderer.render(JSON.parse(row.params) as LateNotificationParamsMap[typeof row.kind], reader);
    } catch (error) {
      this.logger.warn(`notification ${row.id} could not be rendered: ${(error as Error).message}`);
      return UNRENDERABLE[reader.locale];
    }
  }

  async notifyNow<K extends EagerNotificationKind>(
    accountId: string,
    kind: K,
    params: NotificationParamsMap[K],
    options: NotifyOptions = {},
  ): Promise<NotificationItem | null> {
    const created = await this.writes.run((m) => this.notify(m, accountId, kind, params, options));
    this.publish([created]);
    return created ? (await this.toItems(accountId, [created]))[0] : null;
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
      items: await this.toItems(auth.accountId, page),
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
