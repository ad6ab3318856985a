import type { GroupEntity } from '../groups/entities/group.entity';
import type { MembershipEntity } from './entities/membership.entity';

/** What the caller is to a group, once they may know it exists. */
export interface GroupAccess {
  group: GroupEntity;
  /** The caller's own active membership (member or facilitator), if any. */
  membership: MembershipEntity | null;
  isFacilitator: boolean;
}

/** How much a route needs: to know the group, to take part in it, or to run it. */
export type GroupNeed = 'view' | 'participate' | 'facilitate';

/** Statuses in which a person still belongs to the group. */
export const ACTIVE_STATUSES = ['pending', 'approved'] as const;
