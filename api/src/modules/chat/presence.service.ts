import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { PresenceMember } from '@tryg/shared';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { RealtimeService, rooms } from '../realtime/realtime.service';
import { ModerationView } from '../moderation/core/moderation-view';
import { ChatBroadcaster } from './chat-broadcaster';

/** What a chat socket carries once authenticated and joined. */
export interface ChatSocketData {
  accountId: string;
  role: 'participant' | 'facilitator' | 'coordinator' | 'admin';
  sessionId: string;
  /** groupId → this socket's memberId in that group, for the rooms it joined. */
  joined: Record<string, string>;
}

/**
 * Who is in a room right now, by pseudonym only: no read receipts, no "last seen". Built from the
 * sockets in the room, which the Redis adapter answers across instances.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly realtime: RealtimeService,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly broadcaster: ChatBroadcaster,
    private readonly moderation: ModerationView,
  ) {}

  /** Tells the room who is here; a member who must not see someone ("I think I know this person") gets the list without them. */
  async broadcast(groupId: string): Promise<void> {
    const [members, group] = await Promise.all([this.list(groupId), this.moderation.group(groupId)]);
    this.broadcaster.presence(groupId, members, group.peopleHides());
  }

  async onlineMemberIds(groupId: string): Promise<Set<string>> {
    const nsp = this.realtime.namespace();
    if (!nsp) return new Set();
    const sockets = await nsp.in(rooms.group(groupId)).fetchSockets();
    return new Set(sockets.map((s) => (s.data as ChatSocketData).joined?.[groupId]).filter((id): id is string => !!id));
  }

  async facilitatorPresent(groupId: string): Promise<boolean> {
    const nsp = this.realtime.namespace();
    if (!nsp) return false;
    return (await nsp.in(rooms.facilitators(groupId)).fetchSockets()).length > 0;
  }

  async list(groupId: string): Promise<PresenceMember[]> {
    const [online, members] = await Promise.all([
      this.onlineMemberIds(groupId),
      this.memberships.find({ where: { groupId, status: In(['approved']) }, order: { createdAt: 'ASC' } }),
    ]);
    return members.map((m) => ({ memberId: m.id, displayName: m.displayName, online: online.has(m.id) }));
  }
}
