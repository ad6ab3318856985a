import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { type CreateGroupDto, GROUP_DEFAULTS, type Group, type Page, type UpdateGroupDto } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { GroupEntity } from './entities/group.entity';

export function toGroup(entity: GroupEntity): Group {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    language: entity.language,
    capacity: entity.capacity,
    timezone: entity.timezone,
    betweenSessions: entity.betweenSessions,
    rules: entity.rules,
    retentionDays: entity.retentionDays,
    openMinutesBefore: entity.openMinutesBefore,
    requireFacilitator: entity.requireFacilitator,
    coverCancelHours: entity.coverCancelHours,
    careLoopAfter: entity.careLoopAfter,
  };
}

/** Bus topic: a group's settings changed (its room window and rules follow them). */
export const GROUP_CHANGED = 'group.changed';
export interface GroupChange {
  groupId: string;
}

/** Groups as data. Who may see which group is decided by the membership module's access rules. */
@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly changes: ChangeBus,
  ) {}

  find(id: string): Promise<GroupEntity | null> {
    return this.groups.findOneBy({ id });
  }

  async require(id: string): Promise<GroupEntity> {
    const group = await this.find(id);
    if (!group) throw new DomainError('NOT_FOUND');
    return group;
  }

  async list(ids: string[] | 'all'): Promise<Page<Group>> {
    if (ids !== 'all' && ids.length === 0) return { items: [], nextCursor: null };
    const rows = await this.groups.find({ where: ids === 'all' ? {} : { id: In(ids) }, order: { name: 'ASC' } });
    return { items: rows.map(toGroup), nextCursor: null };
  }

  async create(auth: RequestAuth, dto: CreateGroupDto): Promise<Group> {
    const now = this.clock.now();
    const group: GroupEntity = {
      id: randomUUID(),
      name: dto.name,
      description: dto.description ?? '',
      language: dto.language ?? GROUP_DEFAULTS.language,
      capacity: dto.capacity,
      timezone: dto.timezone ?? GROUP_DEFAULTS.timezone,
      betweenSessions: dto.betweenSessions ?? GROUP_DEFAULTS.betweenSessions,
      rules: dto.rules ?? GROUP_DEFAULTS.rules,
      retentionDays: dto.retentionDays ?? GROUP_DEFAULTS.retentionDays,
      openMinutesBefore: dto.openMinutesBefore ?? GROUP_DEFAULTS.openMinutesBefore,
      requireFacilitator: dto.requireFacilitator ?? GROUP_DEFAULTS.requireFacilitator,
      coverCancelHours: dto.coverCancelHours ?? GROUP_DEFAULTS.coverCancelHours,
      careLoopAfter: dto.careLoopAfter ?? GROUP_DEFAULTS.careLoopAfter,
      createdAt: now,
      updatedAt: now,
    };
    await this.writes.run(async (m) => {
      await m.insert(GroupEntity, group);
      await this.audit.recordIn(m, 'group.created', auth.accountId, group.id);
    });
    return toGroup(group);
  }

  async update(auth: RequestAuth, id: string, dto: UpdateGroupDto): Promise<Group> {
    const group = await this.require(id);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<GroupEntity>;
    const updated = { ...group, ...changes, updatedAt: this.clock.now() };
    await this.writes.run(async (m) => {
      await m.update(GroupEntity, { id }, { ...changes, updatedAt: updated.updatedAt });
      await this.audit.recordIn(m, 'group.updated', auth.accountId, id);
    });
    // The room window depends on the group's settings.
    await this.changes.publish(GROUP_CHANGED, { groupId: id } satisfies GroupChange);
    return toGroup(updated);
  }
}
