import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { PresenceMember } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { MEMBERSHIP_CHANGED, type MembershipChange, MembershipDirectory } from '../membership/membership-directory';
import { MemberVisibility } from '../membership/member-visibility';
import { tellRoomAsEachMaySee } from '../membership/room-update';
import { RealtimeService } from '../realtime/realtime.service';

/**
 * Who is in a room right now, by pseudonym only: no read receipts, no "last seen". Built from the
 * sockets in the room (the Redis adapter answers across instances); two members hidden from each
 * other are each left out of the other's list. Every change of who is in the group (or who may
 * see whom) is followed by a fresh list, from the instance where it happened.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly off: () => void;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly directory: MembershipDirectory,
    private readonly visibility: MemberVisibility,
    bus: ChangeBus,
  ) {
    this.off = bus.subscribe<MembershipChange>(MEMBERSHIP_CHANGED, async ({ groupId }, origin) => {
      if (origin === 'here') await this.broadcast(groupId);
    });
  }

  onModuleDestroy(): void {
    this.off();
  }

  /**
   * Sends everyone in the room who is here. `cameOrWent`: the member whose sockets changed, when
   * that is all that changed; a viewer that member is hidden from gets nothing (an update with
   * nothing new in it would tell them the other had come or gone).
   */
  async broadcast(groupId: string, cameOrWent?: string): Promise<void> {
    const [members, visibility] = await Promise.all([this.list(groupId), this.visibility.group(groupId)]);
    tellRoomAsEachMaySee(this.realtime, visibility, members.map((m) => m.memberId), groupId, 'member:presence', {
      viewWithout: (hidden) => ({ groupId, members: members.filter((m) => !hidden.has(m.memberId)) }),
      unchangedWithout: (hidden) => cameOrWent !== undefined && hidden.has(cameOrWent),
    });
  }

  async list(groupId: string): Promise<PresenceMember[]> {
    const [online, members] = await Promise.all([this.realtime.onlineMembers(groupId), this.directory.approvedMembers(groupId)]);
    return members.map((m) => ({ memberId: m.memberId, displayName: m.displayName, online: online.has(m.memberId) }));
  }
}
