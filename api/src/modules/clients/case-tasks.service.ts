import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseTask, CreateTaskDto, UpdateTaskDto } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import type { CaseAccess } from './case-access';
import { caseToday } from './case-dates';
import { CaseViews } from './case-view';
import { ClientSealing } from './client-sealing';
import { ClientsService } from './clients.service';
import { CaseTaskEntity } from './entities/case-task.entity';

/** The action plan: tasks for the municipality, the police, Dansk Stalking Center, health and others. */
@Injectable()
export class CaseTasksService {
  constructor(
    private readonly clients: ClientsService,
    private readonly views: CaseViews,
    private readonly sealing: ClientSealing,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async create(access: CaseAccess, dto: CreateTaskDto): Promise<CaseTask> {
    await this.clients.requireActive(access);
    const id = randomUUID();
    const clientId = access.clientId;
    const now = this.clock.now();
    const task: CaseTaskEntity = {
      id,
      clientId,
      titleSealed: this.sealing.seal('client_tasks.title', dto.title, id, clientId),
      owner: dto.owner,
      ownerNameSealed: this.sealing.sealOptional('client_tasks.owner_name', dto.ownerName, id, clientId),
      dueOn: dto.dueOn ?? null,
      status: dto.status ?? 'open',
      noteSealed: this.sealing.sealOptional('client_tasks.note', dto.note, id, clientId),
      dueRemindedOn: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.writes.run(async (m) => {
      await m.insert(CaseTaskEntity, task);
      await this.clients.touchIn(m, clientId);
      await this.audit.recordIn(m, 'client.task.created', access.accountId, clientId);
    });
    return this.views.toTask(task, caseToday(now));
  }

  async update(access: CaseAccess, taskId: string, dto: UpdateTaskDto): Promise<CaseTask> {
    await this.clients.requireActive(access);
    const now = this.clock.now();
    return this.writes.run(async (m) => {
      const task = await m.findOneBy(CaseTaskEntity, { id: taskId, clientId: access.clientId });
      if (!task) throw new DomainError('NOT_FOUND');
      const { clientId } = task;
      const changes: Partial<CaseTaskEntity> = { updatedAt: now };
      if (dto.title !== undefined)
        changes.titleSealed = this.sealing.seal('client_tasks.title', dto.title, taskId, clientId);
      if (dto.owner !== undefined) changes.owner = dto.owner;
      if (dto.ownerName !== undefined) {
        changes.ownerNameSealed = this.sealing.sealOptional('client_tasks.owner_name', dto.ownerName, taskId, clientId);
      }
      if (dto.dueOn !== undefined) changes.dueOn = dto.dueOn;
      if (dto.status !== undefined) changes.status = dto.status;
      if (dto.note !== undefined)
        changes.noteSealed = this.sealing.sealOptional('client_tasks.note', dto.note, taskId, clientId);
      await m.update(CaseTaskEntity, { id: taskId }, changes);
      await this.clients.touchIn(m, clientId);
      await this.audit.recordIn(m, 'client.task.updated', access.accountId, clientId);
      return this.views.toTask({ ...task, ...changes }, caseToday(now));
    });
  }

  async remove(access: CaseAccess, taskId: string): Promise<void> {
    await this.clients.requireActive(access);
    await this.writes.run(async (m) => {
      const deleted = await m.delete(CaseTaskEntity, { id: taskId, clientId: access.clientId });
      if (deleted.affected !== 1) throw new DomainError('NOT_FOUND');
      await this.clients.touchIn(m, access.clientId);
      await this.audit.recordIn(m, 'client.task.deleted', access.accountId, access.clientId);
    });
  }
}
