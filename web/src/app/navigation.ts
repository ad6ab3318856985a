import type { MeResponse, Role } from '@tryg/shared';
import type da from '../lib/i18n/da.json';
import { pathTo, type PageName } from './pages';

type NavLabel = keyof typeof da.nav;

/**
 * One entry of a role's menu. `perGroup` pages take the group: the entry gives one link per group
 * the person is an approved member or facilitator of (named by the group when there are several).
 */
export interface NavEntry {
  page: PageName;
  label: NavLabel;
  perGroup?: { label: NavLabel };
}

/**
 * The menu of each role, in order. Adding a page to a role's menu is one line here (and its page in
 * `pages.ts`); the browser suite checks every page is at most two taps from home.
 */
export const NAVIGATION: Record<Role, readonly NavEntry[]> = {
  participant: [
    { page: 'home', label: 'home' },
    { page: 'meetings', label: 'meetings' },
    { page: 'room', label: 'room', perGroup: { label: 'roomIn' } },
    { page: 'log', label: 'notes' },
    { page: 'account', label: 'account' },
  ],
  facilitator: [
    { page: 'home', label: 'home' },
    { page: 'room', label: 'room', perGroup: { label: 'roomIn' } },
    { page: 'moderation', label: 'moderation', perGroup: { label: 'moderationIn' } },
    { page: 'account', label: 'account' },
  ],
  coordinator: [
    { page: 'home', label: 'home' },
    { page: 'referrals', label: 'referrals' },
    { page: 'account', label: 'account' },
  ],
  admin: [
    { page: 'home', label: 'home' },
    { page: 'adminGroups', label: 'groups' },
    { page: 'adminStaff', label: 'staff' },
    { page: 'adminSafety', label: 'safety' },
    { page: 'adminAudit', label: 'history' },
    { page: 'account', label: 'account' },
  ],
};

export interface NavLinkItem {
  key: string;
  to: string;
  label: NavLabel;
  /** For a per-group link among several: the group whose name the label carries. */
  groupId?: string;
}

/** The links a signed-in person's menu shows, from their role's entries and their groups. */
export function navigationFor(me: MeResponse): NavLinkItem[] {
  const groupIds = me.memberships.filter((m) => m.status === 'approved').map((m) => m.groupId);
  return NAVIGATION[me.account.role].flatMap((entry): NavLinkItem[] => {
    if (!entry.perGroup) return [{ key: entry.page, to: pathTo(entry.page), label: entry.label }];
    if (groupIds.length === 1)
      return [{ key: entry.page, to: pathTo(entry.page, { groupId: groupIds[0] }), label: entry.label }];
    return groupIds.map((groupId) => ({
      key: `${entry.page}:${groupId}`,
      to: pathTo(entry.page, { groupId }),
      label: entry.perGroup!.label,
      groupId,
    }));
  });
}
