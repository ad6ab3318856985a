import type { Message } from '@tryg/shared';
import type { MessageEntity } from './entities/message.entity';
import type { SealedReader } from './message-sealing';

/** Who is looking at a message; it decides what of the message they get. */
export interface Viewer {
  memberId: string | null;
  isFacilitator: boolean;
}

/**
 * The one place a stored message becomes what a viewer may see. An author's delete erases the
 * body for everyone; a facilitator's removal keeps it, with the reason, for the group's
 * facilitators only; the client id goes back to its author only.
 */
export function viewMessage(
  entity: MessageEntity,
  viewer: Viewer,
  displayNames: ReadonlyMap<string, string>,
  sealing: SealedReader,
): Message {
  const text = entity.removed === 'author' ? null : sealing.open('body', entity.bodySealed, entity.id, entity.groupId);
  const message: Message = {
    id: entity.id,
    groupId: entity.groupId,
    seq: entity.seq,
    memberId: entity.memberId,
    displayName: entity.memberId ? (displayNames.get(entity.memberId) ?? null) : null,
    body: entity.removed ? null : text,
    contentWarning: entity.removed ? null : sealing.open('content_warning', entity.contentWarningSealed, entity.id, entity.groupId),
    status: entity.status,
    removed: entity.removed,
    createdAt: entity.createdAt.toISOString(),
  };
  if (viewer.memberId !== null && viewer.memberId === entity.memberId) message.clientMessageId = entity.clientMessageId;
  if (viewer.isFacilitator) {
    message.originalBody = text;
    message.removalReason = sealing.open('removal_reason', entity.removalReasonSealed, entity.id, entity.groupId);
  }
  return message;
}
