import type { RealtimeService } from '../realtime/realtime.service';
import type { EventName, EventPayload } from '../realtime/realtime-types';
import type { GroupVisibility } from './member-visibility';

export interface RoomUpdate<E extends EventName> {
  /** The update as seen without these members (the empty set: as the room sees it). */
  viewWithout(hidden: ReadonlySet<string>): EventPayload<E>;
  /** Whether `view`, the update as a viewer with these members hidden sees it, shows them nothing new. */
  unchangedWithout?(hidden: ReadonlySet<string>, view: EventPayload<E>): boolean;
}

/**
 * The one place a room-wide update is shaped for members who have someone hidden from them: the
 * room gets it whole; such a member gets it without the hidden ones, and nothing at all when it
 * shows them nothing new — an update with nothing new in it would tell them that the member they
 * are kept apart from did something (came, went, raised a hand).
 */
export function tellRoomAsEachMaySee<E extends EventName>(
  realtime: RealtimeService,
  visibility: GroupVisibility,
  memberIds: readonly string[],
  groupId: string,
  event: E,
  update: RoomUpdate<E>,
): void {
  const withHides = memberIds.filter((id) => visibility.hiddenFrom(id).size > 0);
  realtime.toRoom(groupId, event, update.viewWithout(new Set()), { except: withHides });
  for (const viewer of withHides) {
    const hidden = visibility.hiddenFrom(viewer);
    const view = update.viewWithout(hidden);
    if (update.unchangedWithout?.(hidden, view)) continue;
    realtime.toMember(viewer, event, view);
  }
}
