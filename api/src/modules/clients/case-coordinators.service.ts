import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import type { ClientCase, CoordinatorItem, Page, ReassignClientsDto, ReassignResult } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountEvents } from '../accounts/account-events';
import { AccountEntity } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { assertPrimary, type CaseAccess } from './case-access';
import { CaseViews } from './case-view';
import { ClientsService } from './clients.service';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';

/**
 * Who holds a case: the primary coordinator picks and removes stand-ins; when a primary leaves
 * (account disabled or deleted) the longest-standing active stand-in takes over; with none, the
 * case waits for an admin's reassign, which moves cases without showing any of their content.
 */
@Injectable()
export class CaseCoordinatorsService implements OnModuleInit {
  constructor(
    @InjectRepository(CaseCoordinatorEntity) private readonly places: Repository<CaseCoordinatorEntity>,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly clients: ClientsService,
    private readonly views: CaseViews,
    private readonly accountEvents: AccountEvents,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.accountEvents.onDisabled((m, accountId) => this.handOverIn(m, accountId, null));
  }

  /** The active coordinators, to choose a stand-in from (names only; never a login). */
  async listCoordinators(): Promise<Page<CoordinatorItem>> {
    const rows = await this.accounts.find({
      where: { role: 'coordinator', disabledAt: IsNull() },
      select: { id: true, displayName: true },
    });
    const items = rows
      .map((a) => ({ accountId: a.id, displayName: a.displayName }))
      .sort(
        (a, b) =>
          (a.displayName ?? '').localeCompare(b.displayName ?? '', 'da') || a.accountId.localeCompare(b.accountId),
      );
    return { items, nextCursor: null };
  }

  async addStandIn(access: CaseAccess, accountId: string): Promise<ClientCase> {
    assertPrimary(access);
    const entity = await this.clients.require(access);
    await this.requireActiveCoordinator(accountId, 'accountId');
    const now = this.clock.now();
    await this.writes.run(async (m) => {
      if (await m.existsBy(CaseCoordinatorEntity, { clientId: access.clientId, accountId })) {
        throw new DomainError('CONFLICT', 'This coordinator is already on the case.');
      }
      await m.insert(CaseCoordinatorEntity, {
        id: randomUUID(),
        clientId: access.clientId,
        accountId,
        role: 'stand-in',
        since: now,
      });
      await this.clients.touchIn(m, access.clientId);
      await this.audit.recordIn(m, 'client.stand-in.added', access.accountId, access.clientId);
    });
    return this.views.one({ ...entity, updatedAt: now }, access.accountId);
  }

  /** The removed stand-in loses the case at once: their next request is a 404. */
  async removeStandIn(access: CaseAccess, accountId: string): Promise<void> {
    assertPrimary(access);
    await this.writes.run(async (m) => {
      const place = await m.findOneBy(CaseCoordinatorEntity, { clientId: access.clientId, accountId });
      if (!place) throw new DomainError('NOT_FOUND');
      if (place.role === 'primary') {
        throw new DomainError('CONFLICT', 'The primary coordinator cannot be removed from the case.');
      }
      await m.delete(CaseCoordinatorEntity, { id: place.id });
      await this.clients.touchIn(m, access.clientId);
      await this.audit.recordIn(m, 'client.stand-in.removed', access.accountId, access.clientId);
    });
  }

  /** Admin: every case of `from` (primary or stand-in) goes to `to`; answers only how many. */
  async reassign(auth: RequestAuth, dto: ReassignClientsDto): Promise<ReassignResult> {
    if (dto.fromAccountId === dto.toAccountId) {
      throw new DomainError('VALIDATION', 'Choose another coordinator to receive the cases.', [
        { field: 'toAccountId', message: 'must differ from fromAccountId' },
      ]);
    }
    await this.requireActiveCoordinator(dto.toAccountId, 'toAccountId');
    const now = this.clock.now();
    return this.writes.run(async (m) => {
      const places = await m.findBy(CaseCoordinatorEntity, { accountId: dto.fromAccountId });
      for (const place of places) {
        const existing = await m.findOneBy(CaseCoordinatorEntity, {
          clientId: place.clientId,
          accountId: dto.toAccountId,
        });
        if (existing) {
          // Already a stand-in there: they keep their place, and become primary if the leaver was.
          if (place.role === 'primary') await m.update(CaseCoordinatorEntity, { id: existing.id }, { role: 'primary' });
          await m.delete(CaseCoordinatorEntity, { id: place.id });
        } else {
          await m.update(CaseCoordinatorEntity, { id: place.id }, { accountId: dto.toAccountId, since: now });
        }
        await this.clients.touchIn(m, place.clientId);
        await this.audit.recordIn(m, 'client.reassigned', auth.accountId, place.clientId);
      }
      return { moved: places.length };
    });
  }

  /**
   * A coordinator leaves (disabled, or deleted with `replacementId`): on each case they were
   * primary of, the longest-standing active stand-in takes over and the leaver's place goes.
   * With no such stand-in, a disabled primary stays (the case waits for reassign) and a deleted
   * one is replaced by the audit trail's pseudonym for them. A deleted stand-in's places go.
   */
  async handOverIn(m: EntityManager, accountId: string, replacementId: string | null): Promise<void> {
    const places = await m.findBy(CaseCoordinatorEntity, { accountId });
    for (const place of places) {
      if (place.role !== 'primary') {
        if (replacementId) await m.delete(CaseCoordinatorEntity, { id: place.id });
        continue;
      }
      const successor = await this.longestStandingActiveStandIn(m, place.clientId);
      if (successor) {
        await m.update(CaseCoordinatorEntity, { id: successor.id }, { role: 'primary' });
        await m.delete(CaseCoordinatorEntity, { id: place.id });
        await this.audit.recordIn(m, 'client.primary-changed', null, place.clientId);
      } else if (replacementId) {
        await m.update(CaseCoordinatorEntity, { id: place.id }, { accountId: replacementId });
      }
    }
  }

  private async longestStandingActiveStandIn(
    m: EntityManager,
    clientId: string,
  ): Promise<CaseCoordinatorEntity | null> {
    const standIns = await m.find(CaseCoordinatorEntity, {
      where: { clientId, role: 'stand-in' },
      order: { since: 'ASC', id: 'ASC' },
    });
    if (standIns.length === 0) return null;
    const active = await m.find(AccountEntity, {
      where: { id: In(standIns.map((s) => s.accountId)), role: 'coordinator', disabledAt: IsNull() },
      select: { id: true },
    });
    const activeIds = new Set(active.map((a) => a.id));
    return standIns.find((s) => activeIds.has(s.accountId)) ?? null;
  }

  private async requireActiveCoordinator(accountId: string, field: string): Promise<void> {
    const account = await this.accounts.findOne({
      where: { id: accountId },
      select: { id: true, role: true, disabledAt: true },
    });
    if (!account || account.role !== 'coordinator' || account.disabledAt !== null) {
      throw new DomainError('VALIDATION', 'Choose an active coordinator.', [
        { field, message: 'must be an active coordinator' },
      ]);
    }
  }
}
