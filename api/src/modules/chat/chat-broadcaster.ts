import { Injectable } from '@nestjs/common';
import type { Message } from '@tryg/shared';
import { MemberVisibility } from '../membership/member-visibility';
import { RealtimeService } from '../realtime/realtime.service';
import type { MessageEntity } from './entities/message.entity';
import type { Viewer } from './message-view';

type Shape = (viewer: Viewer) => Message;

const MEMBER: Viewer = { memberId: null, isFacilitator: false };
const FACILITATOR: Viewer = { memberId: null, isFacilitator: true };

/**
 * Pushes message events to the right sockets in the right shape: facilitators get what only they
 * may see, members the rest; a held message reaches facilitators (and its writer) only. Nothing
 * about a message reaches a member who must not see its writer (hidden from each other, or
 * ignored): that is looked up here, for every event, from the rules of the moment.
 */
@Injectable()
export class ChatBroadcaster {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly visibility: MemberVisibility,
  ) {}

  private async blockedFor(entity: MessageEntity): Promise<readonly string[]> {
    return (await this.visibility.group(entity.groupId)).blockedFor(entity.memberId);
  }

  async messageNew(entity: MessageEntity, shape: Shape): Promise<void> {
    if (entity.status === 'held') {
      this.realtime.toFacilitators(entity.groupId, 'message:held', { groupId: entity.groupId, message: shape(FACILITATOR) });
      return;
    }
    this.realtime.toRoom(entity.groupId, 'message:new', { message: shape(MEMBER) }, { membersOnly: true, except: await this.blockedFor(entity) });
    this.realtime.toFacilitators(entity.groupId, 'message:new', { message: shape(FACILITATOR) });
  }

  /** A held message was approved: new to the members, an update to the facilitators. */
  async messageReleased(entity: MessageEntity, shape: Shape): Promise<void> {
    this.realtime.toRoom(entity.groupId, 'message:new', { message: shape(MEMBER) }, { membersOnly: true, except: await this.blockedFor(entity) });
    this.realtime.toFacilitators(entity.groupId, 'message:updated', { message: shape(FACILITATOR) });
  }

  async messageRemoved(entity: MessageEntity, shape: Shape): Promise<void> {
    if (entity.status === 'held') {
      // Members never saw it; only its writer (shown it as pending) and the facilitators learn.
      if (entity.memberId) this.realtime.toMember(entity.memberId, 'message:removed', { message: shape(MEMBER) }, entity.groupId);
    } else {
      this.realtime.toRoom(entity.groupId, 'message:removed', { message: shape(MEMBER) }, { membersOnly: true, except: await this.blockedFor(entity) });
    }
    this.realtime.toFacilitators(entity.groupId, 'message:removed', { message: shape(FACILITATOR) });
  }
}
