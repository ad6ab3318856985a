import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import {
  CLIENT_LIMITS,
  type ClientCase,
  type ClientsQueryDto,
  type CreateClientDto,
  type Page,
  type UpdateClientDto,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { type Limit, RateLimits } from '../../common/rate-limits';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { ReferenceHasher } from '../referrals/keep-apart';
import type { CaseAccess } from './case-access';
import { CaseViews, compareByAttention } from './case-view';
import { ClientSealing } from './client-sealing';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';
import { ClientCaseEntity } from './entities/client-case.entity';

/** A reference that is already a case: the one thing another coordinator can learn, and only this way. */
function referenceTaken(): DomainError {
  return new DomainError('CONFLICT', 'This reference already has a case.');
}

/**
 * Client cases: opening one (the caller becomes primary), the caller's own list, one case, and its
 * status and review date. Every read of a case is audited, without content.
 */
@Injectable()
export class ClientsService {
  private readonly takenReferences: Limit;

  constructor(
    @InjectRepository(ClientCaseEntity) private readonly cases: Repository<ClientCaseEntity>,
    @InjectRepository(CaseCoordinatorEntity) private readonly places: Repository<CaseCoordinatorEntity>,
    private readonly views: CaseViews,
    private readonly sealing: ClientSealing,
    private readonly references: ReferenceHasher,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    limits: RateLimits,
  ) {
    // Probing references one by one would otherwise tell another coordinator who is a client.
    this.takenReferences = limits.create({
      name: 'client-reference-taken-per-coordinator',
      points: CLIENT_LIMITS.takenReferencePerHour,
      durationSeconds: 60 * 60,
    });
  }

  async create(auth: RequestAuth, dto: CreateClientDto): Promise<ClientCase> {
    const wait = await this.takenReferences.blockedFor(auth.accountId);
    if (wait > 0) throw new DomainError('RATE_LIMITED', undefined, undefined, wait);
    const referenceHash = this.references.hash(dto.reference);
    if (referenceHash === null) {
      throw new DomainError('VALIDATION', 'The reference needs letters or digits.', [
        { field: 'reference', message: 'must contain letters or digits' },
      ]);
    }
    // A case opened before a key rotation keeps its hash under the old key until rotation re-makes it.
    const sameReference = { referenceHash: In(this.references.hashesUnderEveryKey([dto.reference])) };
    const id = randomUUID();
    const now = this.clock.now();
    const entity: ClientCaseEntity = {
      id,
      referenceSealed: this.sealing.seal('client_cases.reference', dto.reference, id, id),
      referenceHash,
      status: 'active',
      nextReviewOn: dto.nextReviewOn ?? null,
      reviewRemindedOn: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.writes
      .run(async (m) => {
        const taken = await m.findOne(ClientCaseEntity, { where: sameReference, select: { id: true } });
        if (taken) {
          await this.audit.recordIn(m, 'client.reference-taken', auth.accountId, taken.id);
          return false;
        }
        await m.insert(ClientCaseEntity, entity);
        await m.insert(CaseCoordinatorEntity, {
          id: randomUUID(),
          clientId: id,
          accountId: auth.accountId,
          role: 'primary',
          since: now,
        });
        await this.audit.recordIn(m, 'client.created', auth.accountId, id);
        return true;
      })
      .catch(async (error: unknown) => {
        // Two coordinators opening the same reference at once: the unique index decides.
        if (await this.cases.existsBy(sameReference)) return false;
        throw error;
      });
    if (!created) {
      await this.takenReferences.count(auth.accountId);
      throw referenceTaken();
    }
    return this.views.one(entity, auth.accountId);
  }

  /** The caller's own cases (primary or stand-in), what needs attention first. */
  async list(auth: RequestAuth, query: ClientsQueryDto): Promise<Page<ClientCase>> {
    const places = await this.places.find({ where: { accountId: auth.accountId }, select: { clientId: true } });
    if (places.length === 0) return { items: [], nextCursor: null };
    const cases = await this.cases.find({
      where: { id: In(places.map((p) => p.clientId)), ...(query.status ? { status: query.status } : {}) },
    });
    const items = (await this.views.build(cases, auth.accountId)).sort(compareByAttention);
    await this.auditReads(
      auth.accountId,
      items.map((c) => c.id),
    );
    return { items, nextCursor: null };
  }

  async get(access: CaseAccess): Promise<ClientCase> {
    const view = await this.views.one(await this.require(access), access.accountId);
    await this.auditReads(access.accountId, [access.clientId]);
    return view;
  }

  async update(access: CaseAccess, dto: UpdateClientDto): Promise<ClientCase> {
    const entity = await this.require(access);
    const now = this.clock.now();
    const changes: Partial<ClientCaseEntity> = { updatedAt: now };
    if (dto.status !== undefined && dto.status !== entity.status) {
      changes.status = dto.status;
      changes.closedAt = dto.status === 'closed' ? now : null;
    }
    if (dto.nextReviewOn !== undefined) changes.nextReviewOn = dto.nextReviewOn;
    await this.writes.run(async (m) => {
      await m.update(ClientCaseEntity, { id: entity.id }, changes);
      const type =
        changes.status === 'closed'
          ? 'client.closed'
          : changes.status === 'active'
            ? 'client.reopened'
            : 'client.updated';
      await this.audit.recordIn(m, type, access.accountId, entity.id);
    });
    return this.views.one({ ...entity, ...changes }, access.accountId);
  }

  /** The case the guard let through (it may have been purged or reassigned since). */
  async require(access: CaseAccess): Promise<ClientCaseEntity> {
    const entity = await this.cases.findOneBy({ id: access.clientId });
    if (!entity) throw new DomainError('NOT_FOUND');
    return entity;
  }

  /** Writes to a closed case are refused until it is reopened (PATCH status active). */
  async requireActive(access: CaseAccess): Promise<ClientCaseEntity> {
    const entity = await this.require(access);
    if (entity.status !== 'active') throw new DomainError('CONFLICT', 'The case is closed. Reopen it to change it.');
    return entity;
  }

  /** Marks the case changed, inside the caller's write. */
  async touchIn(m: EntityManager, clientId: string): Promise<void> {
    await m.update(ClientCaseEntity, { id: clientId }, { updatedAt: this.clock.now() });
  }

  /** `client.read`: who read which case and when — never what it says. */
  async auditReads(accountId: string, clientIds: string[]): Promise<void> {
    if (clientIds.length === 0) return;
    await this.writes.run(async (m) => {
      for (const id of clientIds) await this.audit.recordIn(m, 'client.read', accountId, id);
    });
  }
}
