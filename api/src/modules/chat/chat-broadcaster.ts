import { Injectable } from '@nestjs/common';
import type { Message, PresenceMember, RoomState } from '@tryg/shared';
import { RealtimeService, rooms } from '../realtime/realtime.service';
import type { MessageEntity } from './entities/message.entity';
import type { Viewer } from './message-view';

type Shape = (viewer: Viewer) => Message;

const MEMBER: Viewer = { memberId: null, isFacilitator: false };
const FACILITATOR: Viewer = { memberId: null, isFacilitator: true };

/**
 * Pushes chat events to the right sockets in the right shape: facilitators get what only they
 * may see, members the rest; a held message reaches facilitators only. `hiddenFor` lists members
 * who must not get the message at all (they ignore its writer, or must not see them).
 */
@Injectable()
export class ChatBroadcaster {
  constructor(private readonly realtime: RealtimeService) {}

  /** The group's members' sockets, without the facilitators and without those the message is hidden from. */
  private members(groupId: string, hiddenFor: readonly string[]) {
    return this.realtime
      .namespace()
      ?.to(rooms.group(groupId))
      .except([rooms.facilitators(groupId), ...hiddenFor.map((memberId) => rooms.member(memberId))]);
  }

  messageNew(entity: MessageEntity, shape: Shape, hiddenFor: readonly string[] = []): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    if (entity.status === 'held') {
      nsp.to(rooms.facilitators(entity.groupId)).emit('message:held', { groupId: entity.groupId, message: shape(FACILITATOR) });
      return;
    }
    this.members(entity.groupId, hiddenFor)?.emit('message:new', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:new', { message: shape(FACILITATOR) });
  }

  /** A held message was approved: new to the members, an update to the facilitators. */
  messageReleased(entity: MessageEntity, shape: Shape, hiddenFor: readonly string[] = []): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    this.members(entity.groupId, hiddenFor)?.emit('message:new', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:updated', { message: shape(FACILITATOR) });
  }

  messageRemoved(entity: MessageEntity, shape: Shape, hiddenFor: readonly string[] = []): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    if (entity.status === 'held') {
      // Members never saw it; only its writer (shown it as pending) and the facilitators learn.
      if (entity.memberId) nsp.to(rooms.member(entity.memberId)).except(rooms.facilitators(entity.groupId)).emit('message:removed', { message: shape(MEMBER) });
    } else {
      this.members(entity.groupId, hiddenFor)?.emit('message:removed', { message: shape(MEMBER) });
    }
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:removed', { message: shape(FACILITATOR) });
  }

  messageUpdated(entity: MessageEntity, shape: Shape, hiddenFor: readonly string[] = []): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    this.members(entity.groupId, hiddenFor)?.emit('message:updated', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:updated', { message: shape(FACILITATOR) });
  }

  roomState(state: RoomState): void {
    this.realtime.namespace()?.to(rooms.group(state.groupId)).emit('room:state', state);
  }

  /** Presence by pseudonym; a member who must not see someone gets the list without them. */
  presence(groupId: string, members: PresenceMember[], hides: ReadonlyMap<string, ReadonlySet<string>> = new Map()): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    const viewers = [...hides.keys()];
    nsp
      .to(rooms.group(groupId))
      .except(viewers.map((memberId) => rooms.member(memberId)))
      .emit('member:presence', { groupId, members });
    for (const viewer of viewers) {
      const hidden = hides.get(viewer)!;
      nsp.to(rooms.member(viewer)).emit('member:presence', { groupId, members: members.filter((m) => !hidden.has(m.memberId)) });
    }
  }
}
