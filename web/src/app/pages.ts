import type { Role } from '@tryg/shared';
import type da from '../lib/i18n/da.json';

/** A key of `titles` in the translations: the tab's name for a page. */
export type PageTitle = keyof typeof da.titles;

export interface PageInfo {
  /** The full path as the router matches it. */
  path: string;
  /**
   * The browser tab's title comes from a fixed list of neutral words (the threat model: someone may
   * read the tab or the history), yet differs per page (WCAG 2.4.2). `test/browser/app-shell` checks
   * every one against a list of words that would give Tryg's purpose away.
   */
  title: PageTitle;
  /** The roles that may open it (any other role gets "not found" or is sent home). */
  roles: readonly Role[];
  /** Also, or only, for people who are not signed in. */
  signedOut?: boolean;
  /** The page fills the screen below the header and scrolls inside (the live room). */
  fullHeight?: boolean;
}

const STAFF_AND_MEMBERS: readonly Role[] = ['participant', 'facilitator', 'coordinator', 'admin'];

/**
 * Every page of the web client. The router gives each route its entry as `handle`; a unit test keeps
 * the two in step, and the browser suites walk this list (every page, every role that may open it).
 */
export const PAGES = {
  login: { path: '/login', title: 'signIn', roles: [], signedOut: true },
  recover: { path: '/recover', title: 'newPassword', roles: [], signedOut: true },
  join: { path: '/join', title: 'welcome', roles: ['participant'], signedOut: true },
  home: { path: '/', title: 'home', roles: STAFF_AND_MEMBERS },
  account: { path: '/account', title: 'account', roles: STAFF_AND_MEMBERS },
  room: {
    path: '/groups/:groupId/room',
    title: 'conversation',
    roles: ['participant', 'facilitator'],
    fullHeight: true,
  },
  meetings: { path: '/meetings', title: 'calendar', roles: ['participant'] },
  schedule: { path: '/groups/:groupId/schedule', title: 'planning', roles: ['facilitator'] },
  attendance: { path: '/groups/:groupId/attendance', title: 'attendance', roles: ['facilitator'] },
  intake: { path: '/intake/:groupId', title: 'newMembers', roles: ['facilitator'] },
  moderation: { path: '/groups/:groupId/moderation', title: 'overview', roles: ['facilitator'] },
  referrals: { path: '/referrals', title: 'referrals', roles: ['coordinator'] },
  clients: { path: '/clients', title: 'cases', roles: ['coordinator'] },
  client: { path: '/clients/:clientId', title: 'case', roles: ['coordinator'] },
  cover: { path: '/cover', title: 'rota', roles: ['facilitator'] },
  adminCoverGaps: { path: '/admin/cover-gaps', title: 'rotaGaps', roles: ['admin'] },
  adminGroups: { path: '/admin/groups', title: 'groups', roles: ['admin'] },
  adminGroup: { path: '/admin/groups/:groupId', title: 'group', roles: ['admin'] },
  adminStaff: { path: '/admin/staff', title: 'staff', roles: ['admin'] },
  adminAudit: { path: '/admin/audit', title: 'history', roles: ['admin'] },
  adminSafety: { path: '/admin/safety', title: 'settings', roles: ['admin'] },
  log: { path: '/log', title: 'notes', roles: ['participant'] },
  logNew: { path: '/log/new', title: 'newNote', roles: ['participant'] },
  logPattern: { path: '/log/pattern', title: 'summary', roles: ['participant'] },
  logExport: { path: '/log/export', title: 'printout', roles: ['participant'] },
  logEntry: { path: '/log/:entryId', title: 'note', roles: ['participant'] },
  logEdit: { path: '/log/:entryId/edit', title: 'editNote', roles: ['participant'] },
  notFound: { path: '*', title: 'notFound', roles: STAFF_AND_MEMBERS, signedOut: true },
} as const satisfies Record<string, PageInfo>;

export type PageName = keyof typeof PAGES;

/** What the router keeps on each route: which page it is. */
export interface PageHandle {
  page: PageName;
}

/** A path with its parameters filled in, e.g. `pathTo('room', { groupId })`. */
export function pathTo(page: PageName, params: Record<string, string> = {}): string {
  return PAGES[page].path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function canOpen(page: PageInfo, role: Role | null): boolean {
  return role === null ? page.signedOut === true : page.roles.includes(role);
}
