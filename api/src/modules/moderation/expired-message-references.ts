import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
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
    await this.audit.forgetSubjectsIn(manager, messageIds);
  }
}
