import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ModerationLogDetails, RoomState, UpdateRoomDto } from '@tryg/shared';
import { Clock } from '../../common/clock';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { RoomStateService } from '../scheduling/room-state.service';
import { RoomSettingsEntity } from './core/entities/room-settings.entity';
import { ModerationLog } from './core/moderation-log';
import { ModerationView } from './core/moderation-view';
import { ModerationAccess } from './moderation-access';

/**
 * Lock, slow mode and pinned rules. The room state (`room:state`) reads them through the
 * moderation view; a change reaches every socket in the room before the HTTP answer.
 */
@Injectable()
export class RoomControlsService {
  constructor(
    @InjectRepository(RoomSettingsEntity) private readonly settings: Repository<RoomSettingsEntity>,
    private readonly access: ModerationAccess,
    private readonly view: ModerationView,
    private readonly roomState: RoomStateService,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async update(auth: RequestAuth, groupId: string, dto: UpdateRoomDto): Promise<RoomState> {
    const ctx = await this.access.facilitator(auth, groupId);
    const current = (await this.view.group(groupId)).room;
    const details: ModerationLogDetails = {};
    if (dto.locked !== undefined && dto.locked !== current.locked) details.locked = dto.locked;
    if (dto.slowModeSeconds !== undefined && dto.slowModeSeconds !== current.slowModeSeconds)
      details.slowModeSeconds = dto.slowModeSeconds;
    if (dto.pinnedRules !== undefined && dto.pinnedRules !== (current.pinnedRules ?? ctx.access.group.rules))
      details.pinnedRulesChanged = true;
    if (Object.keys(details).length === 0) return this.roomState.state(groupId);
    const next: RoomSettingsEntity = {
      groupId,
      locked: dto.locked ?? current.locked,
      slowModeSeconds: dto.slowModeSeconds ?? current.slowModeSeconds,
      pinnedRules: dto.pinnedRules ?? current.pinnedRules,
      updatedAt: this.clock.now(),
    };
    await this.writes.run(async (m) => {
      await m.delete(RoomSettingsEntity, { groupId });
      await m.insert(RoomSettingsEntity, next);
      await this.log.recordIn(m, { groupId, action: 'room-updated', actorMemberId: ctx.actor.id, details });
      await this.audit.recordIn(m, 'moderation.room-updated', auth.accountId, groupId);
    });
    this.view.changed(groupId);
    // Announces `room:state` to the room (members and facilitators) before answering.
    return this.roomState.announce(groupId);
  }
}
