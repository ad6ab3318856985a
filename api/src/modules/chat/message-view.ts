import type { MemberRole, Message } from '@tryg/shared';
import type { MessageEntity } from './entities/message.entity';
import type { SealedReader } from './message-sealing';

/** Who is looking at a message; it decides what of the message they get. */
export interface Viewer {
  memberId: string | null;
  isFacilitator: boolean;
}

/** Who wrote in the group, by membership id: their pseudonym and their role there. */
export interface MessageAuthor {
  displayName: string;
  role: MemberRole;
}

/**
 * The one place a stored message becomes what a viewer may see. An author's delete erases the
 * body for everyone; a facilitator's removal keeps it, with the reason, for the group's
 * facilitators only; the client id goes back to its author only. The writer's role comes from
 * their membership, never from their name, so a member cannot pass for a facilitator.
 */
export function viewMessage(
  entity: MessageEntity,
  viewer: Viewer,
  authors: ReadonlyMap<string, MessageAuthor>,
  sealing: SealedReader,
): Message {
  const author = entity.memberId ? authors.get(entity.memberId) : undefined;
  const text = entity.removed === 'author' ? null : sealing.open('body', entity.bodySealed, entity.id, entity.groupId);
  const message: Message = {
    id: entity.id,
    groupId: entity.groupId,
    seq: entity.seq,
    memberId: entity.memberId,
    displayName: author?.displayName ?? null,
    role: author?.role ?? null,
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
