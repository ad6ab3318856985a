import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MembershipService } from '../../membership/membership.service';
import { RoomStateService } from '../../scheduling/room-state.service';
import { ModerationView } from './moderation-view';

/**
 * Hands moderation's state to the lower features that ask for it without depending on moderation:
 * the room state (lock, slow mode, pinned rules) and the member list (who a member must not see).
 */
@Injectable()
export class ModerationHooks implements OnModuleInit {
  constructor(
    private readonly view: ModerationView,
    private readonly roomState: RoomStateService,
    private readonly membership: MembershipService,
  ) {}

  onModuleInit(): void {
    this.roomState.useModeration(async (groupId) => (await this.view.group(groupId)).room);
    this.membership.useHiddenPeople(async (groupId, viewerMemberId) =>
      (await this.view.group(groupId)).hiddenPeopleFor(viewerMemberId),
    );
  }
}
