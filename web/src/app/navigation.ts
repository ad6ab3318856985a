import type { MeResponse, Role } from '@tryg/shared';
import type da from '../lib/i18n/da.json';
import { pathTo, type PageName } from './pages';

type NavLabel = keyof typeof da.nav;

/**
 * One entry of a role's menu. A `perGroup` page takes the group: the entry leads to it when the
 * person is an approved member or facilitator of one group; with several, the home page lists each
 * group's pages instead (one tap away), and the menu stays short.
 */
export interface NavEntry {
  page: PageName;
  label: NavLabel;
  perGroup?: boolean;
}

/**
 * The menu of each role, in order. Adding a page to a role's menu is one line here (and its page in
 * `pages.ts`); the browser suite checks every page is at most two taps from home.
 */
export const NAVIGATION: Record<Role, readonly NavEntry[]> = {
  participant: [
    { page: 'home', label: 'home' },
    { page: 'meetings', label: 'meetings' },
    { page: 'room', label: 'room', perGroup: true },
    { page: 'log', label: 'notes' },
    { page: 'account', label: 'account' },
  ],
  facilitator: [
    { page: 'home', label: 'home' },
    { page: 'room', label: 'room', perGroup: true },
    { page: 'moderation', label: 'moderation', perGroup: true },
    { page: 'cover', label: 'cover' },
    { page: 'account', label: 'account' },
  ],
  coordinator: [
    { page: 'home', label: 'home' },
    { page: 'clients', label: 'clients' },
    { page: 'referrals', label: 'referrals' },
    { page: 'account', label: 'account' },
  ],
  admin: [
    { page: 'home', label: 'home' },
    { page: 'adminGroups', label: 'groups' },
    { page: 'adminStaff', label: 'staff' },
    { page: 'adminCoverGaps', label: 'coverGaps' },
    { page: 'adminSafety', label: 'safety' },
    { page: 'adminAudit', label: 'history' },
    { page: 'account', label: 'account' },
  ],
};

export interface NavLinkItem {
  key: string;
  to: string;
  label: NavLabel;
}

/** The links a signed-in person's menu shows, from their role's entries and their groups. */
export function navigationFor(me: MeResponse): NavLinkItem[] {
  const groupIds = me.memberships.filter((m) => m.status === 'approved').map((m) => m.groupId);
  return NAVIGATION[me.account.role].flatMap((entry): NavLinkItem[] => {
    if (!entry.perGroup) return [{ key: entry.page, to: pathTo(entry.page), label: entry.label }];
    if (groupIds.length !== 1) return [];
    return [{ key: entry.page, to: pathTo(entry.page, { groupId: groupIds[0] }), label: entry.label }];
  });
}
