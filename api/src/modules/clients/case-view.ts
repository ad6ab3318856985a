import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import {
  type CaseCoordinator,
  type CaseTask,
  type ClientCase,
  type Screening,
  type ScreeningAnswer,
  type ScreeningSummary,
  UNFINISHED_TASK_STATUSES,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ReferenceHasher } from '../referrals/keep-apart';
import { ReferralsService } from '../referrals/referrals.service';
import { caseToday } from './case-dates';
import { ClientSealing } from './client-sealing';
import type { ClientCaseEntity } from './entities/client-case.entity';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { ScreeningEntity } from './entities/screening.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Undated tasks last; then by due date; then in the order they were written. */
export function compareTasks(a: CaseTaskEntity, b: CaseTaskEntity): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/** Newest screening first: by the day it was done, then by when it was written. */
export function compareScreeningsNewestFirst(a: ScreeningEntity, b: ScreeningEntity): number {
  if (a.screenedOn !== b.screenedOn) return a.screenedOn < b.screenedOn ? 1 : -1;
  return b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
}

/** What needs attention first: overdue tasks, then a re-screen due, then a review due. */
function attentionOf(c: ClientCase): number {
  return (c.overdueTasks > 0 ? 4 : 0) + (c.rescreenDue ? 2 : 0) + (c.reviewDue ? 1 : 0);
}

/** The next date something falls due (for ordering cases that need nothing yet). */
function nextDateOf(c: ClientCase): string | null {
  const dates = [
    c.nextReviewOn,
    c.latestScreening?.rescreenOn ?? null,
    ...c.tasks.filter((t) => UNFINISHED_TASK_STATUSES.includes(t.status)).map((t) => t.dueOn),
  ].filter((d): d is string => d !== null);
  return dates.length > 0 ? dates.sort()[0] : null;
}

/** Active before closed; most attention first; then the soonest date; then the newest case. */
export function compareByAttention(a: ClientCase, b: ClientCase): number {
  if (a.status !== b.status) return a.status === 'active' ? -1 : 1;
  const attention = attentionOf(b) - attentionOf(a);
  if (attention !== 0) return attention;
  const [da, db] = [nextDateOf(a), nextDateOf(b)];
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return b.createdAt.localeCompare(a.createdAt);
}

/** Builds the `client` shape (decrypted, for the case's own coordinators) from stored rows. */
@Injectable()
export class CaseViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly referrals: ReferralsService,
    private readonly references: ReferenceHasher,
    private readonly sealing: ClientSealing,
    private readonly clock: Clock,
  ) {}

  async one(entity: ClientCaseEntity, viewerId: string): Promise<ClientCase> {
    const [view] = await this.build([entity], viewerId);
    return view;
  }

  /** Loads what the cases need in a few queries, not a few per case. */
  async build(cases: ClientCaseEntity[], viewerId: string): Promise<ClientCase[]> {
    if (cases.length === 0) return [];
    const ids = cases.map((c) => c.id);
    const m = this.dataSource.manager;
    const [places, tasks, screenings] = await Promise.all([
      m.find(CaseCoordinatorEntity, { where: { clientId: In(ids) } }),
      m.find(CaseTaskEntity, { where: { clientId: In(ids) } }),
      m.find(ScreeningEntity, { where: { clientId: In(ids) } }),
    ]);
    const names = await this.displayNames(places.map((p) => p.accountId));
    const today = caseToday(this.clock.now());
    const views: ClientCase[] = [];
    for (const entity of cases) {
      const own = places.filter((p) => p.clientId === entity.id);
      const ownTasks = tasks.filter((t) => t.clientId === entity.id).sort(compareTasks);
      const latest = screenings.filter((s) => s.clientId === entity.id).sort(compareScreeningsNewestFirst)[0] ?? null;
      const reference = this.sealing.open('client_cases.reference', entity.referenceSealed, entity.id, entity.id);
      // Under every configured key: during a key rotation the referrals' hashes may be under either.
      const linked = await this.referrals.listLinked(
        reference !== null ? this.references.hashesUnderEveryKey([reference]) : [entity.referenceHash],
        own.map((p) => p.accountId),
      );
      views.push(this.assemble(entity, reference, own, ownTasks, latest, linked, names, viewerId, today));
    }
    return views;
  }

  private assemble(
    entity: ClientCaseEntity,
    reference: string | null,
    places: CaseCoordinatorEntity[],
    tasks: CaseTaskEntity[],
    latest: ScreeningEntity | null,
    referrals: ClientCase['referrals'],
    names: Map<string, string | null>,
    viewerId: string,
    today: string,
  ): ClientCase {
    const active = entity.status === 'active';
    const coordinators: CaseCoordinator[] = places
      .sort((a, b) => (a.role === b.role ? a.since.getTime() - b.since.getTime() : a.role === 'primary' ? -1 : 1))
      .map((p) => ({
        accountId: p.accountId,
        displayName: names.get(p.accountId) ?? null,
        role: p.role,
        since: p.since.toISOString(),
      }));
    const primary = coordinators.find((c) => c.role === 'primary');
    const taskViews = tasks.map((t) => this.toTask(t, today, active));
    return {
      id: entity.id,
      reference,
      status: entity.status,
      primary: { accountId: primary?.accountId ?? '', displayName: primary?.displayName ?? null },
      coordinators,
      nextReviewOn: entity.nextReviewOn,
      reviewDue: active && entity.nextReviewOn !== null && entity.nextReviewOn <= today,
      rescreenDue: active && latest !== null && latest.rescreenOn <= today,
      overdueTasks: taskViews.filter((t) => t.overdue).length,
      latestScreening: latest ? toSummary(latest) : null,
      referrals,
      tasks: taskViews,
      myRole: places.find((p) => p.accountId === viewerId)?.role ?? 'stand-in',
      closedAt: entity.closedAt?.toISOString() ?? null,
      purgeOn: entity.closedAt
        ? caseToday(new Date(entity.closedAt.getTime() + this.config.caseRetentionDays * DAY_MS))
        : null,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }

  toTask(task: CaseTaskEntity, today: string, caseActive = true): CaseTask {
    const open = (
      column: 'client_tasks.title' | 'client_tasks.owner_name' | 'client_tasks.note',
      sealed: string | null,
    ) => this.sealing.open(column, sealed, task.id, task.clientId);
    return {
      id: task.id,
      title: open('client_tasks.title', task.titleSealed),
      owner: task.owner,
      ownerName: open('client_tasks.owner_name', task.ownerNameSealed),
      dueOn: task.dueOn,
      status: task.status,
      note: open('client_tasks.note', task.noteSealed),
      overdue:
        caseActive && task.dueOn !== null && task.dueOn < today && UNFINISHED_TASK_STATUSES.includes(task.status),
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
    };
  }

  async toScreenings(rows: ScreeningEntity[]): Promise<Screening[]> {
    const names = await this.displayNames(rows.map((r) => r.screenerId).filter((id): id is string => id !== null));
    return rows.map((row) => ({
      id: row.id,
      instrument: row.instrument,
      screenedOn: row.screenedOn,
      answers: this.openAnswers(row),
      riskLevel: row.riskLevel,
      note: this.sealing.open('client_screenings.note', row.noteSealed, row.id, row.clientId),
      rescreenOn: row.rescreenOn,
      screenerDisplayName: row.screenerId ? (names.get(row.screenerId) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** Answers that do not open read as none, never as another screening's. */
  private openAnswers(row: ScreeningEntity): Record<string, ScreeningAnswer> {
    const text = this.sealing.open('client_screenings.answers', row.answersSealed, row.id, row.clientId);
    return text === null ? {} : (JSON.parse(text) as Record<string, ScreeningAnswer>);
  }

  private async displayNames(accountIds: string[]): Promise<Map<string, string | null>> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return new Map();
    const accounts = await this.dataSource.manager.find(AccountEntity, {
      where: { id: In(ids) },
      select: { id: true, displayName: true },
    });
    return new Map(accounts.map((a) => [a.id, a.displayName]));
  }
}

function toSummary(row: ScreeningEntity): ScreeningSummary {
  return {
    id: row.id,
    instrument: row.instrument,
    screenedOn: row.screenedOn,
    riskLevel: row.riskLevel,
    rescreenOn: row.rescreenOn,
  };
}
