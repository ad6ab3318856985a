import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SafetyAlert, SafetyAlertKind } from '@tryg/shared';
import { Clock } from '../../../common/clock';
import { WriteQueue } from '../../../common/write-queue';
import { RealtimeService, rooms } from '../../realtime/realtime.service';
import { SafetyAlertEntity } from './entities/safety-alert.entity';

export interface NewSafetyAlert {
  groupId: string;
  kind: SafetyAlertKind;
  fromMemberId: string;
  aboutMemberId?: string | null;
  messageId?: string | null;
}

/**
 * The facilitators' safety queue: an alert is stored (so a facilitator who is offline sees it
 * later) and pushed as `safety:alert` to the group's facilitators' sockets only, never to members.
 */
@Injectable()
export class SafetyAlerts {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
  ) {}

  async createIn(m: EntityManager, input: NewSafetyAlert): Promise<SafetyAlertEntity> {
    const alert: SafetyAlertEntity = {
      id: randomUUID(),
      groupId: input.groupId,
      kind: input.kind,
      fromMemberId: input.fromMemberId,
      aboutMemberId: input.aboutMemberId ?? null,
      messageId: input.messageId ?? null,
      status: 'open',
      resolutionNoteSealed: null,
      resolvedByMemberId: null,
      resolvedAt: null,
      createdAt: this.clock.now(),
    };
    await m.insert(SafetyAlertEntity, alert);
    return alert;
  }

  /** Stores and announces alerts the send path raises (crisis wording, confirmed identifying information). */
  async raise(inputs: NewSafetyAlert[]): Promise<void> {
    if (inputs.length === 0) return;
    const created = await this.writes.run(async (m) => {
      const out: SafetyAlertEntity[] = [];
      for (const input of inputs) out.push(await this.createIn(m, input));
      return out;
    });
    for (const alert of created) this.announce(alert);
  }

  announce(alert: SafetyAlertEntity): void {
    const payload: SafetyAlert = {
      groupId: alert.groupId,
      alertId: alert.id,
      kind: alert.kind,
      fromMemberId: alert.fromMemberId ?? '',
      ...(alert.aboutMemberId ? { aboutMemberId: alert.aboutMemberId } : {}),
      ...(alert.messageId ? { messageId: alert.messageId } : {}),
    };
    this.realtime.namespace()?.to(rooms.facilitators(alert.groupId)).emit('safety:alert', payload);
  }
}
