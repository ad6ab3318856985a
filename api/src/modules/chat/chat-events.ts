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
