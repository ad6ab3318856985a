import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import type { Message } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { MembershipService } from '../membership/membership.service';
import { ChatBroadcaster } from '../chat/chat-broadcaster';
import { ChatService } from '../chat/chat.service';
import { MessageEntity } from '../chat/entities/message.entity';
import { MessageSealing } from '../chat/message-sealing';
import { viewMessage } from '../chat/message-view';
import { ModerationLog } from './moderation-log';

/** Messages a facilitator removes: written inside the caller's transaction, announced after it. */
export interface PreparedRemoval {
  readonly count: number;
  write(m: EntityManager): Promise<void>;
  /** After the commit: tombstones to members, original and reason to facilitators. */
  broadcast(): Promise<void>;
}

/**
 * A facilitator's hand on messages: removal with a reason (a tombstone for members, the original
 * and the reason for the group's facilitators) and the release of held messages. The moderation
 * feature uses the same removal when a member is muted, removed or banned with their messages.
 */
@Injectable()
export class MessageModeration {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly membership: MembershipService,
    private readonly chat: ChatService,
    private readonly sealing: MessageSealing,
    private readonly broadcaster: ChatBroadcaster,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly log: ModerationLog,
  ) {}

  /**
   * `DELETE /groups/:id/messages/:messageId`: the author deletes (body erased for everyone); a
   * facilitator removes with a reason (kept for facilitators). A facilitator deleting their own
   * message without a reason is an author's delete.
   */
  async remove(auth: RequestAuth, groupId: string, messageId: string, reason: string | undefined): Promise<void> {
    const access = await this.membership.requireAccess(auth, groupId, 'participate');
    if (!access.isFacilitator) return this.chat.deleteOwn(auth, groupId, messageId);
    const entity = await this.messages.findOneBy({ id: messageId, groupId });
    if (!entity) throw new DomainError('NOT_FOUND');
    if (reason === undefined) {
      if (entity.memberId === access.membership!.id) return this.chat.deleteOwn(auth, groupId, messageId);
      throw new DomainError('VALIDATION', 'Please give a reason.', [
        { field: 'reason', message: 'required when removing a message' },
      ]);
    }
    if (entity.removed) throw new DomainError('CONFLICT', 'This message is already removed.');
    const removal = this.prepare([entity], reason);
    await this.writes.run(async (m) => {
      await removal.write(m);
      await this.log.recordIn(m, {
        groupId,
        action: 'message-removed',
        actorMemberId: access.membership!.id,
        targetMemberId: entity.memberId,
        messageId,
        reason,
      });
      await this.audit.recordIn(m, 'moderation.message-removed', auth.accountId, messageId);
    });
    await removal.broadcast();
  }

  /** One message, for a report's `remove-message`; null when it is already removed. */
  async prepareOne(groupId: string, messageId: string, reason: string): Promise<PreparedRemoval | null> {
    const entity = await this.messages.findOneBy({ id: messageId, groupId });
    if (!entity || entity.removed) return null;
    return this.prepare([entity], reason);
  }

  /** Every message of the member in the group that is not removed yet. */
  async prepareAllOf(groupId: string, memberId: string, reason: string): Promise<PreparedRemoval> {
    const entities = await this.messages.find({
      where: { groupId, memberId, removed: IsNull() },
      order: { seq: 'ASC' },
    });
    return this.prepare(entities, reason);
  }

  private prepare(entities: MessageEntity[], reason: string): PreparedRemoval {
    const removed: MessageEntity[] = [];
    return {
      count: entities.length,
      write: async (m) => {
        const now = this.clock.now();
        for (const entity of entities) {
          const removalReasonSealed = this.sealing.seal('removal_reason', reason, entity.id, entity.groupId);
          const changes = { removed: 'facilitator' as const, removalReasonSealed, updatedAt: now };
          // An author's delete in the meantime wins: it erased the body already.
          const result = await m.update(MessageEntity, { id: entity.id, removed: IsNull() }, changes);
          if (result.affected) removed.push({ ...entity, ...changes });
        }
      },
      broadcast: async () => {
        if (removed.length === 0) return;
        const names = await this.chat.authors(removed[0].groupId);
        for (const entity of removed) {
          await this.broadcaster.messageRemoved(entity, (viewer) => viewMessage(entity, viewer, names, this.sealing));
        }
      },
    };
  }

  /** `POST /groups/:id/messages/:messageId/approve`: a held message reaches the members. */
  async approve(auth: RequestAuth, groupId: string, messageId: string): Promise<Message> {
    const access = await this.membership.requireAccess(auth, groupId, 'facilitate');
    const entity = await this.messages.findOneBy({ id: messageId, groupId });
    if (!entity) throw new DomainError('NOT_FOUND');
    if (entity.status !== 'held' || entity.removed)
      throw new DomainError('CONFLICT', 'This message is not waiting for review.');
    const now = this.clock.now();
    const released: MessageEntity = { ...entity, status: 'delivered', updatedAt: now };
    await this.writes.run(async (m) => {
      const result = await m.update(
        MessageEntity,
        { id: entity.id, status: 'held', removed: IsNull() },
        { status: 'delivered', updatedAt: now },
      );
      if (!result.affected) throw new DomainError('CONFLICT', 'This message is not waiting for review.');
      await this.log.recordIn(m, {
        groupId,
        action: 'message-approved',
        actorMemberId: access.membership!.id,
        targetMemberId: entity.memberId,
        messageId,
      });
      await this.audit.recordIn(m, 'moderation.message-approved', auth.accountId, messageId);
    });
    const names = await this.chat.authors(groupId);
    await this.broadcaster.messageReleased(released, (viewer) => viewMessage(released, viewer, names, this.sealing));
    return viewMessage(released, { memberId: access.membership!.id, isFacilitator: true }, names, this.sealing);
  }
}
