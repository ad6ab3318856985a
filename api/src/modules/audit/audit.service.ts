import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import type { AuditItem, Page } from '@tryg/shared';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Security events. Types are dotted names; ids only, never secrets or free text. */
export type AuditType =
  | 'login.succeeded'
  | 'login.failed'
  | 'login.throttled'
  | 'logout'
  | 'session.revoked'
  | 'password.changed'
  | 'recovery-codes.created'
  | 'recovery.succeeded'
  | 'recovery.failed'
  | 'staff.created'
  | 'staff.disabled'
  | 'staff.enabled'
  | 'admin.bootstrapped'
  | (string & {});

export interface AuditQuery {
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

const PAGE_SIZE = 50;

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an event inside the caller's transaction, so it exists exactly when the action does.
   * Its id is time-ordered (UUIDv7, increasing within the process), so events of the same instant
   * are listed in the order they happened, not by chance.
   */
  async recordIn(
    manager: EntityManager,
    type: AuditType,
    actorId: string | null,
    subjectId: string | null = null,
  ): Promise<void> {
    await manager.insert(AuditEventEntity, { id: uuidv7(), type, actorId, subjectId, createdAt: this.clock.now() });
  }

  /** Records an event on its own (when there is no surrounding write). */
  record(type: AuditType, actorId: string | null, subjectId: string | null = null): Promise<void> {
    return this.writes.run((manager) => this.recordIn(manager, type, actorId, subjectId));
  }

  /**
   * Account deletion: the trail keeps every action, but the deleted person's ids become one random
   * id, so nothing links the record back to them.
   */
  async pseudonymizeIn(manager: EntityManager, ids: string[], replacementId: string): Promise<void> {
    for (const id of ids) {
      await manager.update(AuditEventEntity, { actorId: id }, { actorId: replacementId });
      await manager.update(AuditEventEntity, { subjectId: id }, { subjectId: replacementId });
    }
  }

  /** These ids (deleted records'), no longer named as any event's subject; the events stay. */
  async forgetSubjectsIn(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await manager.update(AuditEventEntity, { subjectId: In([...ids]) }, { subjectId: null });
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<Page<AuditItem>> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC');
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    if (query.from) qb.andWhere('e.created_at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) qb.andWhere('e.created_at < :to', { to: new Date(query.to).toISOString() });
    const after = decodeCursor(query.cursor);
    if (after) {
      qb.andWhere('(e.created_at < :at OR (e.created_at = :at AND e.id < :id))', { at: after.at, id: after.id });
    }
    const rows = await qb.take(PAGE_SIZE + 1).getMany();
    const items = rows.slice(0, PAGE_SIZE).map((e) => ({
      id: e.id,
      type: e.type,
      actorId: e.actorId,
      subjectId: e.subjectId,
      createdAt: e.createdAt.toISOString(),
    }));
    const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
  }
}
