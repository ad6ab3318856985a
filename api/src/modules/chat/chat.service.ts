import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import {
  CATCH_UP_MAX,
  DEFAULT_LOCALE,
  HISTORY_PAGE_MAX,
  JOIN_LATEST_COUNT,
  type JoinResult,
  type Message,
  type Page,
  type SendResult,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { DomainEvents } from '../../common/domain-events';
import { type Limit, RateLimits } from '../../common/rate-limits';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AccountsService } from '../accounts/accounts.service';
import { checkContent } from '../content-policy/content-policy';
import { HelpLines } from '../content-policy/help-lines';
import { WatchedWords } from '../content-policy/watched-words';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { type DirectoryEntry, MembershipDirectory } from '../membership/membership-directory';
import { MembershipService } from '../membership/membership.service';
import { MemberVisibility } from '../membership/member-visibility';
import type { RoomGrant, SocketIdentity } from '../realtime/realtime-types';
import { TalkingOrder } from '../room-rules/floor/talking-order.service';
import { RoomRules } from '../room-rules/room-rules.service';
import { AttendanceService } from '../scheduling/attendance.service';
import { MESSAGE_FLAGGED } from './chat-events';
import { ChatRefusal } from './chat-refusal';
import { ChatBroadcaster } from './chat-broadcaster';
import { MessageEntity } from './entities/message.entity';
import { MessageSealing, SealedFieldCache } from './message-sealing';
import { type MessageAuthor, viewMessage, type Viewer } from './message-view';
import { MessageWriter } from './message-writer';
import { checkGroupPayload, checkSendPayload } from './send-payload';

export interface JoinedRoom {
  result: JoinResult;
  grant: RoomGrant;
}

const RECENT_CLIENT_IDS = 10_000;
/** Below this many messages since a member's approval, a page is looked up by time, else by sequence. */
const FEW_SINCE = 100;

/**
 * The chat's rules: who may read and write in which room, when, and what they see. The gateway
 * and the REST controller translate into these calls.
 *
 * Privacy rule: a member sees only what was written from the moment they were approved, so a
 * newcomer (possibly the stalker) cannot read the group's backlog; held messages are seen only
 * by the group's facilitators and their author; two members hidden from each other see nothing
 * of each other.
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
    private readonly visibility: MemberVisibility,
    private readonly rules: RoomRules,
    private readonly order: TalkingOrder,
    private readonly words: WatchedWords,
    private readonly helpLines: HelpLines,
    private readonly accounts: AccountsService,
    private readonly writer: MessageWriter,
    private readonly sealing: MessageSealing,
    private readonly broadcaster: ChatBroadcaster,
    private readonly events: DomainEvents,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly attendance: AttendanceService,
    limits: RateLimits,
  ) {
    // 5 messages a second with bursts of 10, per account (not per socket).
    this.sendLimit = limits.create({ name: 'chat-sends-per-account', points: 10, durationSeconds: 2, rememberKeys: true });
  }

  /** The caller's approved membership in the group, or a refusal that reveals nothing about other groups. */
  private async requireMember(identity: SocketIdentity, groupId: string): Promise<DirectoryEntry> {
    const entry = await this.directory.lookup(identity.accountId, groupId);
    if (!entry) throw new ChatRefusal('NOT_FOUND', 'Not found.');
    if (entry.status !== 'approved') throw new ChatRefusal('FORBIDDEN', 'You are not a member of this group yet.');
    return entry;
  }

  /** `room:join`: the checks, the first messages, and the grant the realtime authority gives the socket. */
  async join(identity: SocketIdentity, payload: unknown): Promise<JoinedRoom> {
    const checked = checkGroupPayload(payload, ['groupId', 'afterMessageId']);
    if (!checked.ok) throw new ChatRefusal('VALIDATION', checked.message);
    const { groupId, afterMessageId } = checked.value;
    const entry = await this.requireMember(identity, groupId);
    const isFacilitator = entry.role === 'facilitator';
    if ((await this.rules.refusal(groupId, entry.memberId, true)) === 'UNAVAILABLE') throw new ChatRefusal('UNAVAILABLE');
    const snapshot = await this.rules.snapshot(groupId);
    if (!isFacilitator && snapshot.state.mode === 'closed') throw new ChatRefusal('ROOM_CLOSED');
    // Attendance is recorded from presence: being in the room during a meeting counts.
    if (!isFacilitator && snapshot.meetingId) await this.attendance.recordPresence(snapshot.meetingId, entry.memberId);
    const viewer: Viewer = { memberId: entry.memberId, isFacilitator };
    const page = afterMessageId
      ? await this.page(groupId, viewer, entry.approvedAt, { after: afterMessageId, limit: CATCH_UP_MAX })
      : await this.page(groupId, viewer, entry.approvedAt, { limit: JOIN_LATEST_COUNT });
    const floor = await this.order.viewForMember(groupId, entry.memberId, isFacilitator);
    return {
      result: { room: snapshot.state, floor, messages: page.items, hasMore: page.hasMore },
      grant: { groupId, memberId: entry.memberId, role: entry.role },
    };
  }

  /**
   * After the grant: a change of rights that raced with the join (it was checked before the grant
   * existed, so no revoke could reach it) is caught here, from the views of now.
   */
  async stillMayListen(identity: SocketIdentity, grant: RoomGrant): Promise<boolean> {
    const entry = await this.directory.lookup(identity.accountId, grant.groupId);
    return entry !== null && entry.status === 'approved' && entry.memberId === grant.memberId && entry.role === grant.role;
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
    const isFacilitator = entry.role === 'facilitator';
    let verdict: ReturnType<typeof checkContent>;
    try {
      if (entry.status !== 'approved') throw new ChatRefusal('FORBIDDEN', 'You are not a member of this group yet.');
      // The room's rules first: an instance cut off from the others answers UNAVAILABLE at once,
      // before the shared rate limit waits on a Redis it may no longer reach.
      const refusal = await this.rules.refusal(input.groupId, entry.memberId, isFacilitator);
      if (refusal) throw new ChatRefusal(refusal);
      // In a quiet round only the speaker writes (facilitators are exempt).
      if (!(await this.order.mayWrite(input.groupId, entry.memberId, isFacilitator))) throw new ChatRefusal('NOT_YOUR_TURN');
      if (!(await this.sendLimit.take(identity.accountId))) throw new ChatRefusal('RATE_LIMITED');
      // Facilitators' words are not held or flagged.
      verdict = isFacilitator
        ? { hold: false, crisis: false, identifying: [] }
        : checkContent(input.body, await this.words.watchList(input.groupId));
      if (verdict.identifying.length > 0 && !input.confirmIdentifying) throw new ChatRefusal('IDENTIFYING_INFO');
      if (!(await this.rules.takeSlowModeSlot(input.groupId, entry.memberId, isFacilitator))) throw new ChatRefusal('SLOW_MODE');
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
      status: verdict.hold ? 'held' : 'delivered',
    });
    this.remember(entry.memberId, input.clientMessageId, entity.id);
    const names = new Map([[entry.memberId, { displayName: entry.displayName, role: entry.role }]]);
    const fields = new SealedFieldCache(this.sealing);
    const mine = () => viewMessage(entity, { memberId: entry.memberId, isFacilitator }, names, fields);
    if (!created) return { message: mine() };
    fields.know('body', entity.id, input.body);
    fields.know('content_warning', entity.id, input.contentWarning);
    await this.broadcaster.messageNew(entity, (viewer) => viewMessage(entity, viewer, names, fields));
    if (verdict.crisis || verdict.identifying.length > 0) {
      await this.events.emit(MESSAGE_FLAGGED, {
        groupId: input.groupId,
        memberId: entry.memberId,
        messageId: entity.id,
        crisis: verdict.crisis,
        identifying: verdict.identifying,
      });
    }
    if (verdict.crisis) {
      // The writer of crisis wording gets the help lines, whether or not a facilitator is online.
      const account = await this.accounts.findById(identity.accountId);
      return { message: mine(), notice: 'crisis', helpLines: await this.helpLines.inLocale(account?.locale ?? DEFAULT_LOCALE) };
    }
    return verdict.hold ? { message: mine(), notice: 'held' } : { message: mine() };
  }

  /**
   * Who is typing, by pseudonym, and whom it must not reach. From the in-memory views only:
   * typing is the most frequent event in a room.
   */
  async typingNotice(identity: SocketIdentity, groupId: string): Promise<{ memberId: string; displayName: string; blockedFor: readonly string[] } | null> {
    const entry = await this.directory.lookup(identity.accountId, groupId);
    if (!entry || entry.status !== 'approved') return null;
    return { memberId: entry.memberId, displayName: entry.displayName, blockedFor: (await this.visibility.group(groupId)).blockedFor(entry.memberId) };
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
      const since = (approvedAt ?? new Date(8.64e15)).toISOString();
      // The same rule either way; only the index that answers differs. Most members see most of
      // the room, so walking (group, seq) from the newest end finds a page at once, where the
      // (group, created_at) index would make the database sort every message since the approval:
      // `|| ''` keeps that index out. A newcomer sees few messages, and there the time index is short.
      const fewSince = await this.fewSince(groupId, since);
      qb.andWhere(fewSince ? 'm.created_at >= :since' : "(m.created_at || '') >= :since", { since });
      qb.andWhere(new Brackets((w) => w.where("m.status = 'delivered'").orWhere('m.member_id = :me', { me: viewer.memberId })));
    }
    if (!viewer.isFacilitator && viewer.memberId) {
      // Writers this member ignores, or who are hidden from them, are left out.
      const blocked = (await this.visibility.group(groupId)).blockedAuthorsFor(viewer.memberId);
      if (blocked.length > 0) qb.andWhere('(m.member_id IS NULL OR m.member_id NOT IN (:...blocked))', { blocked });
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
    const names = await this.authorsOf(groupId, slice);
    return { items: slice.map((m) => viewMessage(m, viewer, names, this.sealing)), hasMore };
  }

  /** Whether fewer than FEW_SINCE messages were written in the group since `since` (an index-only probe). */
  private async fewSince(groupId: string, since: string): Promise<boolean> {
    const probe = await this.messages
      .createQueryBuilder('m')
      .select('1', 'one')
      .where('m.group_id = :groupId AND m.created_at >= :since', { groupId, since })
      .offset(FEW_SINCE - 1)
      .limit(1)
      .getRawOne();
    return probe === undefined;
  }

  /** The pseudonyms and roles of the writers of these messages only (a page, not the whole group). */
  private async authorsOf(groupId: string, messages: MessageEntity[]): Promise<Map<string, MessageAuthor>> {
    const ids = [...new Set(messages.map((m) => m.memberId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = await this.memberships.find({ where: { groupId, id: In(ids) }, select: { id: true, displayName: true, role: true } });
    return new Map(rows.map((r) => [r.id, { displayName: r.displayName, role: r.role }]));
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
    const names = await this.authorsOf(groupId, [updated]);
    await this.broadcaster.messageRemoved(updated, (viewer) => viewMessage(updated, viewer, names, this.sealing));
  }
}
