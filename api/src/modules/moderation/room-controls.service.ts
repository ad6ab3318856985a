import { Injectable } from '@nestjs/common';
import type { ModerationLogDetails, RoomState, UpdateRoomDto } from '@tryg/shared';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { RoomRules } from '../room-rules/room-rules.service';
import { ModerationAccess } from './moderation-access';
import { ModerationLog } from './moderation-log';

/**
 * Lock, slow mode and pinned rules. A change is in force on every instance, and announced as
 * `room:state` to everyone in the room, before the HTTP answer.
 */
@Injectable()
export class RoomControlsService {
  constructor(
    private readonly access: ModerationAccess,
    private readonly rules: RoomRules,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
  ) {}

  async update(auth: RequestAuth, groupId: string, dto: UpdateRoomDto): Promise<RoomState> {
    const ctx = await this.access.facilitator(auth, groupId);
    const current = (await this.rules.rules(groupId)).controls;
    const details: ModerationLogDetails = {};
    if (dto.locked !== undefined && dto.locked !== current.locked) details.locked = dto.locked;
    if (dto.slowModeSeconds !== undefined && dto.slowModeSeconds !== current.slowModeSeconds)
      details.slowModeSeconds = dto.slowModeSeconds;
    if (dto.pinnedRules !== undefined && dto.pinnedRules !== (current.pinnedRules ?? ctx.access.group.rules))
      details.pinnedRulesChanged = true;
    if (Object.keys(details).length === 0) return this.rules.state(groupId);
    await this.writes.run(async (m) => {
      await this.rules.setControlsIn(m, groupId, {
        locked: dto.locked ?? current.locked,
        slowModeSeconds: dto.slowModeSeconds ?? current.slowModeSeconds,
        pinnedRules: dto.pinnedRules ?? current.pinnedRules,
      });
      await this.log.recordIn(m, { groupId, action: 'room-updated', actorMemberId: ctx.actor.id, details });
      await this.audit.recordIn(m, 'moderation.room-updated', auth.accountId, groupId);
    });
    await this.rules.changed(groupId);
    return this.rules.state(groupId);
  }
}
