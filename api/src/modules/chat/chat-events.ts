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

/** Messages past their group's retention period, about to be deleted for good. */
export interface MessagesExpiring {
  groupId: string;
  messageIds: string[];
}

/**
 * Heard by moderation, whose records name messages by id (log, reports, alerts, audit): a message
 * id is time-ordered, so a reference that outlived its message would still tell when it was
 * written. Sent before the delete, so a crash in between leaves the messages to the next run.
 */
export const MESSAGES_EXPIRING = new DomainEvent<MessagesExpiring>('chat.messages-expiring');
