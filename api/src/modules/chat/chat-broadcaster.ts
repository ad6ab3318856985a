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
 * may see, members the rest; a held message reaches facilitators only.
 */
@Injectable()
export class ChatBroadcaster {
  constructor(private readonly realtime: RealtimeService) {}

  messageNew(entity: MessageEntity, shape: Shape): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    if (entity.status === 'held') {
      nsp.to(rooms.facilitators(entity.groupId)).emit('message:held', { groupId: entity.groupId, message: shape(FACILITATOR) });
      return;
    }
    nsp.to(rooms.group(entity.groupId)).except(rooms.facilitators(entity.groupId)).emit('message:new', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:new', { message: shape(FACILITATOR) });
  }

  messageRemoved(entity: MessageEntity, shape: Shape): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    nsp.to(rooms.group(entity.groupId)).except(rooms.facilitators(entity.groupId)).emit('message:removed', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:removed', { message: shape(FACILITATOR) });
  }

  messageUpdated(entity: MessageEntity, shape: Shape): void {
    const nsp = this.realtime.namespace();
    if (!nsp) return;
    nsp.to(rooms.group(entity.groupId)).except(rooms.facilitators(entity.groupId)).emit('message:updated', { message: shape(MEMBER) });
    nsp.to(rooms.facilitators(entity.groupId)).emit('message:updated', { message: shape(FACILITATOR) });
  }

  roomState(state: RoomState): void {
    this.realtime.namespace()?.to(rooms.group(state.groupId)).emit('room:state', state);
  }

  presence(groupId: string, members: PresenceMember[]): void {
    this.realtime.namespace()?.to(rooms.group(groupId)).emit('member:presence', { groupId, members });
  }
}
