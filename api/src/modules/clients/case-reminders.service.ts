import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { type NotificationKind, UNFINISHED_TASK_STATUSES } from '@tryg/shared';
import { WriteQueue } from '../../common/write-queue';
import { AccountEntity } from '../accounts/entities/account.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { caseToday } from './case-dates';
import { compareScreeningsNewestFirst } from './case-view';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { ClientCaseEntity } from './entities/client-case.entity';
import { ScreeningEntity } from './entities/screening.entity';

/**
 * Reminders to a case's coordinators, once per date: `client-review` on the review date,
 * `rescreen-due` on the latest screening's re-screen date, `task-due` on an unfinished task's
 * due date. Each row remembers the date it reminded for, so a changed date reminds again and a
 * run after downtime catches up. The texts are neutral: no reference, no task, no client.
 */
@Injectable()
export class CaseRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly writes: WriteQueue,
  ) {}

  async sendDue(now: Date): Promise<void> {
    const today = caseToday(now);
    const created = await this.writes.run(async (m) => [
      ...(await this.reviews(m, today)),
      ...(await this.rescreens(m, today)),
      ...(await this.tasks(m, today)),
    ]);
    this.notifications.publish(created);
  }

  private async reviews(m: EntityManager, today: string): Promise<(NotificationEntity | null)[]> {
    const due = (
      await m.find(ClientCaseEntity, { where: { status: 'active', nextReviewOn: LessThanOrEqual(today) } })
    ).filter((c) => c.reviewRemindedOn !== c.nextReviewOn);
    const created: (NotificationEntity | null)[] = [];
    for (const c of due) {
      created.push(...(await this.notifyCoordinators(m, c.id, 'client-review', `${c.id}:${c.nextReviewOn}`)));
      await m.update(ClientCaseEntity, { id: c.id }, { reviewRemindedOn: c.nextReviewOn });
    }
    return created;
  }

  /** Only a case's latest screening reminds; older ones' dates are marked as passed quietly. */
  private async rescreens(m: EntityManager, today: string): Promise<(NotificationEntity | null)[]> {
    const due = await m.find(ScreeningEntity, {
      where: { rescreenOn: LessThanOrEqual(today), rescreenRemindedOn: IsNull() },
    });
    if (due.length === 0) return [];
    const clientIds = [...new Set(due.map((s) => s.clientId))];
    const active = new Set(
      (await m.find(ClientCaseEntity, { where: { id: In(clientIds), status: 'active' }, select: { id: true } })).map(
        (c) => c.id,
      ),
    );
    const all = await m.find(ScreeningEntity, { where: { clientId: In(clientIds) } });
    const created: (NotificationEntity | null)[] = [];
    for (const s of due) {
      if (!active.has(s.clientId)) continue;
      const latest = all.filter((o) => o.clientId === s.clientId).sort(compareScreeningsNewestFirst)[0];
      if (latest.id === s.id)
        created.push(...(await this.notifyCoordinators(m, s.clientId, 'rescreen-due', `${s.id}:${s.rescreenOn}`)));
      await m.update(ScreeningEntity, { id: s.id }, { rescreenRemindedOn: s.rescreenOn });
    }
    return created;
  }

  private async tasks(m: EntityManager, today: string): Promise<(NotificationEntity | null)[]> {
    const due = (
      await m.find(CaseTaskEntity, {
        where: { status: In([...UNFINISHED_TASK_STATUSES]), dueOn: LessThanOrEqual(today) },
      })
    ).filter((t) => t.dueRemindedOn !== t.dueOn);
    if (due.length === 0) return [];
    const active = new Set(
      (
        await m.find(ClientCaseEntity, {
          where: { id: In([...new Set(due.map((t) => t.clientId))]), status: 'active' },
          select: { id: true },
        })
      ).map((c) => c.id),
    );
    const created: (NotificationEntity | null)[] = [];
    for (const t of due) {
      if (!active.has(t.clientId)) continue;
      created.push(...(await this.notifyCoordinators(m, t.clientId, 'task-due', `${t.id}:${t.dueOn}`)));
      await m.update(CaseTaskEntity, { id: t.id }, { dueRemindedOn: t.dueOn });
    }
    return created;
  }

  /** Each active coordinator on the case, once per key (the dedupe key holds ids and a date only). */
  private async notifyCoordinators(
    m: EntityManager,
    clientId: string,
    kind: Extract<NotificationKind, 'client-review' | 'rescreen-due' | 'task-due'>,
    key: string,
  ): Promise<(NotificationEntity | null)[]> {
    const places = await m.find(CaseCoordinatorEntity, { where: { clientId }, select: { accountId: true } });
    if (places.length === 0) return [];
    const active = await m.find(AccountEntity, {
      where: { id: In(places.map((p) => p.accountId)), disabledAt: IsNull() },
      select: { id: true },
    });
    const created: (NotificationEntity | null)[] = [];
    for (const account of active) {
      created.push(
        await this.notifications.notify(m, account.id, kind, {}, { dedupeKey: `${kind}:${key}:${account.id}` }),
      );
    }
    return created;
  }
}
