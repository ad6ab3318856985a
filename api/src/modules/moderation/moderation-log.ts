import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ModerationLogAction, ModerationLogDetails } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { ModerationSealing } from './moderation-sealing';

export interface LogEntry {
  groupId: string;
  action: ModerationLogAction;
  actorMemberId: string;
  targetMemberId?: string | null;
  messageId?: string | null;
  reason?: string | null;
  expiresAt?: Date | null;
  details?: ModerationLogDetails | null;
}

/** Writes the group's moderation log, inside the action's own transaction: one entry per action. */
@Injectable()
export class ModerationLog {
  constructor(
    private readonly sealing: ModerationSealing,
    private readonly clock: Clock,
  ) {}

  async recordIn(m: EntityManager, entry: LogEntry): Promise<void> {
    const id = randomUUID();
    await m.insert(ModerationLogEntryEntity, {
      id,
      groupId: entry.groupId,
      action: entry.action,
      actorMemberId: entry.actorMemberId,
      targetMemberId: entry.targetMemberId ?? null,
      messageId: entry.messageId ?? null,
      reasonSealed: this.sealing.seal('moderation_log.reason', entry.reason || null, id, entry.groupId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      expiresAt: entry.expiresAt ?? null,
      createdAt: this.clock.now(),
    });
  }
}
