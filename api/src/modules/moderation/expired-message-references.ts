import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { MESSAGES_EXPIRING, type MessagesExpiring } from '../chat/chat-events';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';

/**
 * Privacy rule: when chat retention deletes messages, no record keeps their ids. A message id is
 * time-ordered (UUIDv7), so a record naming a deleted message would still tell when it was
 * written. The moderation log and the audit trail keep the action, its actor and time, without the
 * message; reports go with their message and safety alerts drop it (the schema's foreign keys).
 */
@Injectable()
export class ExpiredMessageReferences implements OnModuleDestroy {
  private readonly off: () => void;

  constructor(
    private readonly writes: WriteQueue,
    private readonly audit: AuditService,
    events: DomainEvents,
  ) {
    this.off = events.on(MESSAGES_EXPIRING, (expiring) => this.forget(expiring));
  }

  onModuleDestroy(): void {
    this.off();
  }

  private forget({ groupId, messageIds }: MessagesExpiring): Promise<void> {
    return this.writes.run(async (m) => {
      await m.update(ModerationLogEntryEntity, { groupId, messageId: In(messageIds) }, { messageId: null });
      await this.audit.forgetSubjectsIn(m, messageIds);
    });
  }
}
