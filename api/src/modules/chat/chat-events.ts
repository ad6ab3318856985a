import type { EntityManager } from 'typeorm';
import { DomainEvent } from '../../common/domain-events';
import type { IdentifyingKind } from '../content-policy/identifying-info';

/** A stored message with crisis wording, or identifying information its writer confirmed. */
export interface MessageFlagged {
  groupId: string;
  memberId: string;
  messageId: string;
  crisis: boolean;
  identifying: IdentifyingKind[];
}

/** Heard by moderation, which alerts the group's facilitators privately. */
export const MESSAGE_FLAGGED = new DomainEvent<MessageFlagged>('chat.message-flagged');

/** Messages past their group's retention period, being deleted for good in `manager`'s transaction. */
export interface MessagesExpiring {
  groupId: string;
  messageIds: string[];
  manager: EntityManager;
}

/**
 * Heard by moderation, whose records name messages by id (log, audit): a message id is
 * time-ordered, so a reference that outlived its message would still tell when it was written.
 * Sent inside the delete's transaction with `emitOrFail`: the references go with the messages, or
 * nothing is deleted and the next run tries again.
 */
export const MESSAGES_EXPIRING = new DomainEvent<MessagesExpiring>('chat.messages-expiring');
