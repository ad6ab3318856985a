import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ChangeBus } from '../../common/change-bus';
import type {
  EventName,
  EventPayload,
  LiveNamespace,
  LiveSocket,
  RevokeTarget,
  RoomGrant,
  SocketIdentity,
} from './realtime-types';

/** Socket.io room names: private to this module, so nobody else addresses sockets by hand. */
const rooms = {
  account: (accountId: string) => `account:${accountId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Everyone who holds a grant to the group's room. */
  group: (groupId: string) => `group:${groupId}`,
  /** Those whose grant is a facilitator's. */
  facilitators: (groupId: string) => `group:${groupId}:facilitators`,
  /** One membership's sockets (a member id belongs to one group). */
  member: (memberId: string) => `member:${memberId}`,
};

const REVOKE_TOPIC = 'realtime.revoke';
const TELL_TOPIC = 'realtime.tell';
interface Telling {
  memberId: string;
  event: EventName;
  payload: unknown;
}
export const MAX_SOCKETS_PER_ACCOUNT = 10;

export interface LocalListener {
  sessionId: string;
  accountId: string;
  groupIds: string[];
}

export interface SendOptions {
  /** Members (by member id) who must not get it. */
  except?: readonly string[];
  /** Leave out the facilitators (they get their own shape through `toFacilitators`). */
  membersOnly?: boolean;
}

/**
 * The realtime authority: the only code that touches socket.io server objects. Features send
 * typed events to an audience (a room, its facilitators, a member, an account) and change who may
 * listen through `revoke`, which resolves once every instance has applied it.
 *
 * Rights to hear a room are grants: given on `room:join` (after the chat checked membership) and
 * taken back by `revoke` on every instance, so an audience is always the grants of that moment.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private nsp: LiveNamespace | null = null;
  private sharedRooms = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly bus: ChangeBus) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.subscribe<RevokeTarget>(REVOKE_TOPIC, (target) => this.applyLocally(target)),
      this.bus.subscribe<Telling>(TELL_TOPIC, ({ memberId, event, payload }) => {
        (this.nsp?.local.to(rooms.member(memberId)).emit as ((event: EventName, payload: unknown) => boolean) | undefined)?.(event, payload);
      }),
      // Whatever happened while this instance could not hear the others is unknown: every socket
      // here reconnects and joins again under the rules of now.
      this.bus.onResync(() => this.dropConnections()),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** Called once by the socket adapter when the `/chat` namespace exists; `sharedRooms` when rooms span instances (Redis). */
  attach(nsp: LiveNamespace, sharedRooms = false): void {
    this.nsp = nsp;
    this.sharedRooms = sharedRooms;
  }

  /** A socket that passed the handshake: addressable by account and session from now on. */
  async admit(socket: LiveSocket, identity: SocketIdentity): Promise<void> {
    socket.data = { ...identity, grants: {} };
    await socket.join([rooms.account(identity.accountId), rooms.session(identity.sessionId)]);
  }

  /** How many sockets the account has open, on every instance. */
  async socketCount(accountId: string): Promise<number> {
    if (!this.nsp) return 0;
    return (await this.nsp.in(rooms.account(accountId)).fetchSockets()).length;
  }

  /** Grants the socket the right to hear a group's room. */
  async enter(socket: LiveSocket, grant: RoomGrant): Promise<void> {
    const names = [rooms.group(grant.groupId), rooms.member(grant.memberId)];
    if (grant.role === 'facilitator') names.push(rooms.facilitators(grant.groupId));
    socket.data.grants = { ...socket.data.grants, [grant.groupId]: grant };
    await socket.join(names);
  }

  /** Takes the socket's grant to a group's room back (the socket asked, or a revoke). */
  async leave(socket: LiveSocket, groupId: string): Promise<RoomGrant | null> {
    const grant = socket.data.grants?.[groupId];
    if (!grant) return null;
    const { [groupId]: _gone, ...rest } = socket.data.grants;
    socket.data.grants = rest;
    await Promise.all([
      socket.leave(rooms.group(groupId)),
      socket.leave(rooms.member(grant.memberId)),
      socket.leave(rooms.facilitators(groupId)),
    ]);
    return grant;
  }

  grantOf(socket: LiveSocket, groupId: string): RoomGrant | null {
    return socket.data.grants?.[groupId] ?? null;
  }

  /**
   * An instance that cannot hear the others tells its rooms nothing more: its sockets miss what the
   * other instances send, so a message it added would leave a gap before it (a write that was in
   * flight when contact was lost is still stored and acknowledged). Its sockets are dropped when
   * contact returns and catch up from the database.
   */
  private roomsNamespace(): LiveNamespace | null {
    return this.bus.healthy() ? this.nsp : null;
  }

  /** Everyone who holds a grant to the group's room, minus `except` (and the facilitators with `membersOnly`). */
  toRoom<E extends EventName>(groupId: string, event: E, payload: EventPayload<E>, options: SendOptions = {}): void {
    const nsp = this.roomsNamespace();
    if (!nsp) return;
    const except = (options.except ?? []).map(rooms.member);
    if (options.membersOnly) except.push(rooms.facilitators(groupId));
    const target = except.length > 0 ? nsp.to(rooms.group(groupId)).except(except) : nsp.to(rooms.group(groupId));
    (target.emit as (event: E, payload: EventPayload<E>) => boolean)(event, payload);
  }

  /** The group's facilitators of this moment who are in the room. */
  toFacilitators<E extends EventName>(groupId: string, event: E, payload: EventPayload<E>): void {
    const nsp = this.roomsNamespace();
    if (!nsp) return;
    // Often nobody is there (no facilitator in the room): skip encoding a packet for no one. Rooms
    // shared through Redis may have listeners on other instances, so there it is always sent.
    if (!this.sharedRooms && !nsp.adapter.rooms.has(rooms.facilitators(groupId))) return;
    (nsp.to(rooms.facilitators(groupId)).emit as (event: E, payload: EventPayload<E>) => boolean)(event, payload);
  }

  /** One membership's sockets in its group's room; `exceptFacilitators` when a facilitator must get another shape. */
  toMember<E extends EventName>(memberId: string, event: E, payload: EventPayload<E>, exceptFacilitatorsOf?: string): void {
    const nsp = this.roomsNamespace();
    if (!nsp) return;
    const target = exceptFacilitatorsOf
      ? nsp.to(rooms.member(memberId)).except(rooms.facilitators(exceptFacilitatorsOf))
      : nsp.to(rooms.member(memberId));
    (target.emit as (event: E, payload: EventPayload<E>) => boolean)(event, payload);
  }

  /**
   * Like `toMember`, but through the change bus: resolves once every instance has handed it to its
   * sockets, for a notice the person must have before the answer of what caused it (a mute).
   */
  toMemberConfirmed<E extends EventName>(memberId: string, event: E, payload: EventPayload<E>): Promise<void> {
    return this.bus.publish(TELL_TOPIC, { memberId, event, payload } satisfies Telling);
  }

  /** Every socket of one account (e.g. `notification:new`). */
  toAccount<E extends EventName>(accountId: string, event: E, payload: EventPayload<E>): void {
    if (!this.nsp) return;
    (this.nsp.to(rooms.account(accountId)).emit as (event: E, payload: EventPayload<E>) => boolean)(event, payload);
  }

  /**
   * Takes away the right to listen, on every instance, and resolves when each has done it (an
   * instance that cannot be reached refuses on its own, see ChangeBus). Call before answering.
   */
  revoke(target: RevokeTarget): Promise<void> {
    return this.bus.publish(REVOKE_TOPIC, target);
  }

  /** Member ids with a socket in the group's room, on every instance. */
  async onlineMembers(groupId: string): Promise<Set<string>> {
    if (!this.nsp) return new Set();
    const sockets = await this.nsp.in(rooms.group(groupId)).fetchSockets();
    return new Set(sockets.map((s) => s.data.grants?.[groupId]?.memberId).filter((id): id is string => !!id));
  }

  async facilitatorPresent(groupId: string): Promise<boolean> {
    if (!this.nsp) return false;
    return (await this.nsp.in(rooms.facilitators(groupId)).fetchSockets()).length > 0;
  }

  /** This instance's sockets: whose session they run on and which rooms they hear. */
  localListeners(): LocalListener[] {
    if (!this.nsp) return [];
    return [...this.nsp.sockets.values()]
      .filter((s) => s.data?.sessionId)
      .map((s) => ({ sessionId: s.data.sessionId, accountId: s.data.accountId, groupIds: Object.keys(s.data.grants ?? {}) }));
  }

  private async applyLocally(target: RevokeTarget): Promise<void> {
    if (!this.nsp) return;
    const local = [...this.nsp.sockets.values()];
    switch (target.kind) {
      case 'session':
      case 'account': {
        const hit = local.filter((s) => (target.kind === 'session' ? s.data?.sessionId === target.sessionId : s.data?.accountId === target.accountId));
        for (const socket of hit) {
          socket.emit('session:revoked', { reason: target.reason });
          socket.disconnect(true);
        }
        return;
      }
      case 'member': {
        const hit = local.filter((s) => s.data?.grants?.[target.groupId]?.memberId === target.memberId);
        for (const socket of hit) {
          if (target.notice) socket.emit('moderation:notice', target.notice);
          await this.leave(socket, target.groupId);
          if (target.disconnect) socket.disconnect(true);
        }
        return;
      }
      default: {
        const never: never = target;
        this.logger.warn(`Unknown revoke ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * Closes every socket's connection here (a resync, a shutdown). The client sees its transport
   * close and dials again by itself, so the web shows "reconnecting" and catches up; unlike
   * `disconnect(true)`, which it takes as a hang-up it must not redial (a revocation, a ban).
   * Anything already written to a socket (an acknowledgement) is flushed first.
   */
  dropConnections(): void {
    if (!this.nsp) return;
    for (const socket of [...this.nsp.sockets.values()]) socket.conn.close();
  }
}
