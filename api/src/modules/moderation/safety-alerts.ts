import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SafetyAlert, SafetyAlertKind } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainEvents } from '../../common/domain-events';
import { WriteQueue } from '../../common/write-queue';
import { MESSAGE_FLAGGED, type MessageFlagged } from '../chat/chat-events';
import { RealtimeService } from '../realtime/realtime.service';
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
 * later) and pushed as `safety:alert` to the group's facilitators of that moment, never to
 * members. The chat reports crisis wording and confirmed identifying information as an event.
 */
@Injectable()
export class SafetyAlerts implements OnModuleDestroy {
  private readonly off: () => void;

  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
    events: DomainEvents,
  ) {
    this.off = events.on(MESSAGE_FLAGGED, (flagged) => this.raiseFor(flagged));
  }

  onModuleDestroy(): void {
    this.off();
  }

  private raiseFor(flagged: MessageFlagged): Promise<void> {
    const from = { groupId: flagged.groupId, fromMemberId: flagged.memberId, messageId: flagged.messageId };
    const alerts: NewSafetyAlert[] = [];
    if (flagged.crisis) alerts.push({ ...from, kind: 'crisis' });
    if (flagged.identifying.length > 0) alerts.push({ ...from, kind: 'identifying-info' });
    return this.raise(alerts);
  }

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

  /** Stores and announces alerts (crisis wording, confirmed identifying information). */
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
    this.realtime.toFacilitators(alert.groupId, 'safety:alert', payload);
  }
}
