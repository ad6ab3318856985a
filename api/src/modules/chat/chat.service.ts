import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import {
  CATCH_UP_MAX,
  HISTORY_PAGE_MAX,
  JOIN_LATEST_COUNT,
  type JoinResult,
  type Message,
  type Page,
  type RoomState,
  type SendResult,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { type Limit, RateLimits } from '../../common/rate-limits';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { type DirectoryEntry, MembershipDirectory } from '../membership/membership-directory';
import { MembershipService } from '../membership/membership.service';
import { ChatRefusal } from './chat-refusal';
import { ChatBroadcaster } from './chat-broadcaster';
import { MessageEntity } from './entities/message.entity';
import { MessageSealing, SealedFieldCache } from './message-sealing';
import { type MessageAuthor, viewMessage, type Viewer } from './message-view';
import { MessageWriter } from './message-writer';
import { RoomStateService } from '../scheduling/room-state.service';
import { AttendanceService } from '../scheduling/attendance.service';
import { checkGroupPayload, checkSendPayload } from './send-payload';
import { ModerationView } from '../moderation/core/moderation-view';
import { type Admission, SendGate } from '../moderation/core/send-gate';

/** Who is on a socket. */
export interface SocketIdentity {
  accountId: string;
  role: RequestAuth['role'];
}

export interface JoinedRoom extends JoinResult {
  memberId: string;
  isFacilitator: boolean;
}

const RECENT_CLIENT_IDS = 10_000;

/**
 * The chat's rules: who may read and write in which room, when, and what they see. The gateway
 * and the REST controller translate into these calls.
 *
 * Privacy rule: a member sees only what was written from the moment they were approved, so a
 * newcomer (possibly the stalker) cannot read the group's backlog; held messages are seen only
 * by the group's facilitators and their author.
 */
@Injectable()
export class ChatService {
  private readonly sendLimit: Limit;
  /** (member, client id) → message id of recent sends, so a resend is answered without a query. */
  private readonly recent = new Map<string, string>();

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly directory: MembershipDirectory,
    private readonly membership: MembershipService,
    private readonly writer: MessageWriter,
    private readonly sealing: MessageSealing,
    private readonly broadcaster: ChatBroadcaster,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly roomState: RoomStateService,
    private readonly attendance: AttendanceService,
    private readonly gate: SendGate,
    private readonly moderation: ModerationView,
    limits: RateLimits,
  ) {
    // 5 messages a second with bursts of 10, per account (not per socket).
    this.sendLimit = limits.create({ name: 'chat-sends-per-account', points: 10, durationSeconds: 2 });
  }

  /** The caller's approved membership in the group, or a refusal that reveals nothing about other groups. */
  private async requireMember(identity: SocketIdentity, groupId: string): Promise<DirectoryEntry> {
    const entry = await this.directory.lookup(identity.accountId, groupId);
    if (!entry) throw new ChatRefusal('NOT_FOUND', 'Not found.');
    if (entry.status !== 'approved') throw new ChatRefusal('FORBIDDEN', 'You are not a member of this group yet.');
    return entry;
  }

  async join(identity: SocketIdentity, payload: unknown): Promise<JoinedRoom> {
    const checked = checkGroupPayload(payload, ['groupId', 'afterMessageId']);
    if (!checked.ok) throw new ChatRefusal('VALIDATION', checked.message);
    const { groupId, afterMessageId } = checked.value;
    const entry = await this.requireMember(identity, groupId);
    const isFacilitator = entry.role === 'facilitator';
    const snapshot = await this.roomState.snapshot(groupId);
    const room = snapshot.state;
    if (!isFacilitator && room.mode === 'closed') throw new ChatRefusal('ROOM_CLOSED');
    // Attendance is recorded from presence: being in the room during a meeting counts.
    if (!isFacilitator && snapshot.meetingId) await this.attendance.recordPresence(snapshot.meetingId, entry.memberId);
    const viewer: Viewer = { memberId: entry.memberId, isFacilitator };
    const page = afterMessageId
      ? await this.page(groupId, viewer, entry.approvedAt, { after: afterMessageId, limit: CATCH_UP_MAX })
      : await this.page(groupId, viewer, entry.approvedAt, { limit: JOIN_LATEST_COUNT });
    return { room, messages: page.items, hasMore: page.hasMore, memberId: entry.memberId, isFacilitator };
  }

  async send(identity: SocketIdentity, payload: unknown): Promise<SendResult> {
    const checked = checkSendPayload(payload);
    if (!checked.ok) throw new ChatRefusal('VALIDATION', checked.message);
    const input = checked.value;
    const entry = await this.directory.lookup(identity.accountId, input.groupId);
    if (!entry) throw new ChatRefusal('NOT_FOUND', 'Not found.');
    // The duplicate check runs first: a resend gets the stored message back, whatever changed since.
    const earlier = await this.findResend(entry.memberId, input.clientMessageId, false);
    if (earlier) return { message: earlier };
    let admission: Extract<Admission, { ok: true }>;
    try {
      await this.assertMayPost(identity, entry, input.groupId);
      // Moderation: mute, slow mode, watched words, identifying information (from memory, no query).
      const admitted = await this.gate.admit({
        groupId: input.groupId,
        memberId: entry.memberId,
        isFacilitator: entry.role === 'facilitator',
        body: input.body,
        confirmIdentifying: input.confirmIdentifying,
      });
      if (!admitted.ok) throw new ChatRefusal(admitted.code);
      admission = admitted;
    } catch (refusal) {
      const stored = await this.findResend(entry.memberId, input.clientMessageId, true);
      if (stored) return { message: stored };
      throw refusal;
    }
    const { entity, created } = await this.writer.store({
      groupId: input.groupId,
      memberId: entry.memberId,
      clientMessageId: input.clientMessageId,
      body: input.body,
      contentWarning: input.contentWarning,
      status: admission.status,
    });
    this.remember(entry.memberId, input.clientMessageId, entity.id);
    const names = new Map([[entry.memberId, { displayName: entry.displayName, role: entry.role }]]);
    const fields = new SealedFieldCache(this.sealing);
    if (created) {
      fields.know('body', entity.id, input.body);
      fields.know('content_warning', entity.id, input.contentWarning);
    }
    if (created) this.broadcaster.messageNew(entity, (viewer) => viewMessage(entity, viewer, names, fields), admission.hiddenFor);
    const extras = created
      ? await this.gate.afterStored({ groupId: input.groupId, memberId: entry.memberId, accountId: identity.accountId, messageId: entity.id }, admission)
      : {};
    return { message: viewMessage(entity, { memberId: entry.memberId, isFacilitator: entry.role === 'facilitator' }, names, fields), ...extras };
  }

  /** Members who must not get this member's messages or typing (ignore, "I think I know this person"). */
  /**
   * Who is typing, by pseudonym, and whom it must not reach. From the in-memory views only:
   * typing is the most frequent event in a room.
   */
  async typingNotice(identity: SocketIdentity, groupId: string): Promise<{ memberId: string; displayName: string; hiddenFor: string[] } | null> {
    const entry = await this.directory.lookup(identity.accountId, groupId);
    if (!entry || entry.status !== 'approved') return null;
    return { memberId: entry.memberId, displayName: entry.displayName, hiddenFor: await this.hiddenFrom(groupId, entry.memberId) };
  }

  async hiddenFrom(groupId: string, memberId: string): Promise<string[]> {
    return (await this.moderation.group(groupId)).messageHiddenFor(memberId);
  }

  /** Room window, lock and rate; facilitators are exempt from window, lock and slow mode. */
  private async assertMayPost(identity: SocketIdentity, entry: DirectoryEntry, groupId: string): Promise<void> {
    if (entry.status !== 'approved') throw new ChatRefusal('FORBIDDEN', 'You are not a member of this group yet.');
    if (!(await this.sendLimit.take(identity.accountId))) throw new ChatRefusal('RATE_LIMITED');
    if (entry.role === 'facilitator') return;
    const room: RoomState = await this.roomState.state(groupId);
    if (room.mode !== 'open') throw new ChatRefusal('ROOM_CLOSED');
    if (room.waitingForFacilitator) throw new ChatRefusal('WAITING_FOR_FACILITATOR');
    if (room.locked) throw new ChatRefusal('ROOM_LOCKED');
  }

  private remember(memberId: string, clientMessageId: string, messageId: string): void {
    this.recent.set(`${memberId}:${clientMessageId}`, messageId);
    if (this.recent.size > RECENT_CLIENT_IDS) this.recent.delete(this.recent.keys().next().value!);
  }

  /** A message this member already stored under this client id (from memory, or the database when asked to). */
  private async findResend(memberId: string, clientMessageId: string, askDatabase: boolean): Promise<Message | null> {
    const id = this.recent.get(`${memberId}:${clientMessageId}`);
    if (!id && !askDatabase) return null;
    const entity = await this.messages.findOneBy(id ? { id } : { memberId, clientMessageId });
    if (!entity) return null;
    const member = await this.memberships.findOneBy({ id: memberId });
    const names = new Map(member ? [[member.id, { displayName: member.displayName, role: member.role }]] : []);
    return viewMessage(entity, { memberId, isFacilitator: member?.role === 'facilitator' }, names, this.sealing);
  }

  /** `GET /groups/:id/messages`: pages backwards (`before`) or forwards (`after`), oldest first. */
  async history(
    auth: RequestAuth,
    groupId: string,
    query: { before?: string; after?: string; limit?: number; status?: 'held' },
  ): Promise<Page<Message>> {
    const access = await this.membership.requireAccess(auth, groupId, 'participate');
    if (query.status === 'held' && !access.isFacilitator) throw new DomainError('FORBIDDEN');
    const viewer: Viewer = { memberId: access.membership!.id, isFacilitator: access.isFacilitator };
    const page = await this.page(groupId, viewer, access.membership!.approvedAt, {
      before: query.before,
      after: query.after,
      limit: Math.min(query.limit ?? 50, HISTORY_PAGE_MAX),
      onlyHeld: query.status === 'held',
    });
    const edge = query.after ? page.items.at(-1) : page.items[0];
    return { items: page.items, nextCursor: page.hasMore && edge ? edge.id : null };
  }

  private async page(
    groupId: string,
    viewer: Viewer,
    approvedAt: Date | null,
    options: { before?: string; after?: string; limit: number; onlyHeld?: boolean },
  ): Promise<{ items: Message[]; hasMore: boolean }> {
    const qb = this.messages.createQueryBuilder('m').where('m.group_id = :groupId', { groupId });
    if (!viewer.isFacilitator) {
      qb.andWhere('m.created_at >= :approvedAt', { approvedAt: (approvedAt ?? new Date(8.64e15)).toISOString() });
      qb.andWhere(new Brackets((w) => w.where("m.status = 'delivered'").orWhere('m.member_id = :me', { me: viewer.memberId })));
    }
    if (!viewer.isFacilitator && viewer.memberId) {
      // Writers this member ignores, or must not see, are left out.
      const hidden = (await this.moderation.group(groupId)).hiddenAuthorsFor(viewer.memberId);
      if (hidden.length > 0) qb.andWhere('(m.member_id IS NULL OR m.member_id NOT IN (:...hidden))', { hidden });
    }
    // The review queue: held and not yet removed.
    if (options.onlyHeld) qb.andWhere("m.status = 'held' AND m.removed IS NULL");
    const anchorId = options.after ?? options.before;
    if (anchorId) {
      const anchor = await this.messages.findOneBy({ id: anchorId, groupId });
      // A DomainError, so REST answers 404 (and the socket's acknowledgement NOT_FOUND), never a 500.
      if (!anchor) throw new DomainError('NOT_FOUND', 'That message is not in this room.');
      qb.andWhere(options.after ? 'm.seq > :seq' : 'm.seq < :seq', { seq: anchor.seq });
    }
    const ascending = options.after !== undefined;
    const rows = await qb
      .orderBy('m.seq', ascending ? 'ASC' : 'DESC')
      .take(options.limit + 1)
      .getMany();
    const hasMore = rows.length > options.limit;
    const slice = rows.slice(0, options.limit);
    if (!ascending) slice.reverse();
    const names = await this.authors(groupId);
    return { items: slice.map((m) => viewMessage(m, viewer, names, this.sealing)), hasMore };
  }

  /** Pseudonyms and roles of everyone who ever wrote in the group (left and removed members keep theirs). */
  async authors(groupId: string): Promise<Map<string, MessageAuthor>> {
    const rows = await this.memberships.find({ where: { groupId }, select: { id: true, displayName: true, role: true } });
    return new Map(rows.map((r) => [r.id, { displayName: r.displayName, role: r.role }]));
  }

  async displayNames(groupId: string): Promise<Map<string, string>> {
    return new Map([...(await this.authors(groupId))].map(([id, author]) => [id, author.displayName]));
  }

  /** An author deletes their own message: the body is erased for everyone (a tombstone stays). */
  async deleteOwn(auth: RequestAuth, groupId: string, messageId: string): Promise<void> {
    const access = await this.membership.requireAccess(auth, groupId, 'participate');
    const entity = await this.messages.findOneBy({ id: messageId, groupId });
    const me = access.membership!.id;
    const visible =
      entity !== null &&
      (access.isFacilitator ||
        entity.memberId === me ||
        (entity.status === 'delivered' && access.membership!.approvedAt !== null && entity.createdAt >= access.membership!.approvedAt));
    if (!entity || !visible) throw new DomainError('NOT_FOUND');
    if (entity.memberId !== me) throw new DomainError('FORBIDDEN');
    if (entity.removed) throw new DomainError('CONFLICT', 'This message is already removed.');
    const now = this.clock.now();
    const updated: MessageEntity = { ...entity, removed: 'author', bodySealed: null, contentWarningSealed: null, updatedAt: now };
    await this.writes.run((m) =>
      m.update(MessageEntity, { id: entity.id }, { removed: 'author', bodySealed: null, contentWarningSealed: null, updatedAt: now }),
    );
    const names = await this.authors(groupId);
    this.broadcaster.messageRemoved(updated, (viewer) => viewMessage(updated, viewer, names, this.sealing));
  }
}
