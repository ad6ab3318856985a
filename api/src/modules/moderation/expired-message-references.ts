import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { In, Like } from 'typeorm';
import type { ModerationLogDetails } from '@tryg/shared';
import { DomainEvents } from '../../common/domain-events';
import { AuditService } from '../audit/audit.service';
import { MESSAGES_EXPIRING, type MessagesExpiring } from '../chat/chat-events';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { ReportEntity } from './entities/report.entity';

/**
 * Privacy rule: when chat retention deletes messages, no record keeps their ids. A message id is
 * time-ordered (UUIDv7), so a record naming a deleted message would still tell when it was
 * written. The moderation log and the audit trail keep the action, its actor and time, without the
 * message; reports go with their message and safety alerts drop it (the schema's foreign keys), and
 * the log's and trail's references to those reports go too.
 */
@Injectable()
export class ExpiredMessageReferences implements OnModuleDestroy {
  private readonly off: () => void;

  constructor(
    private readonly audit: AuditService,
    events: DomainEvents,
  ) {
    this.off = events.on(MESSAGES_EXPIRING, (expiring) => this.forget(expiring));
  }

  onModuleDestroy(): void {
    this.off();
  }

  /** Inside retention's delete: a failure here rolls the delete back (emitOrFail). */
  private async forget({ groupId, messageIds, manager }: MessagesExpiring): Promise<void> {
    await manager.update(ModerationLogEntryEntity, { groupId, messageId: In(messageIds) }, { messageId: null });
    const reportIds = (await manager.find(ReportEntity, { where: { groupId, messageId: In(messageIds) }, select: { id: true } })).map((r) => r.id);
    if (reportIds.length > 0) {
      const gone = new Set(reportIds);
      const naming = await manager.find(ModerationLogEntryEntity, { where: { groupId, details: Like('%"reportId"%') }, select: { id: true, details: true } });
      for (const entry of naming) {
        const { reportId, ...details } = JSON.parse(entry.details!) as ModerationLogDetails;
        if (reportId && gone.has(reportId)) await manager.update(ModerationLogEntryEntity, { id: entry.id }, { details: JSON.stringify(details) });
      }
    }
    await this.audit.forgetSubjectsIn(manager, [...messageIds, ...reportIds]);
  }
}
