import type { Role } from './roles';

/**
 * The one role → permission matrix. The API's permission guard refuses a route whose
 * permission the caller's role lacks; the web uses the same table to show or hide actions.
 * Role-level only: "facilitator of *this* group" is checked per resource in the services.
 */
export const PERMISSIONS = {
  'staff.manage': ['admin'],
  'audit.read': ['admin'],
  'watched-words.manage': ['admin'],
  'group.create': ['admin'],
  'group.edit': ['admin'],
  'group.assign-facilitators': ['admin'],
  'referral.issue': ['coordinator'],
  'referral.read-own': ['coordinator'],
  // Case work: only the case's own coordinators reach a case (checked per case, 404 for anyone else).
  'client.keep': ['coordinator'],
  'client.reassign': ['admin'],
  'group.moderate': ['facilitator'],
  'help-lines.manage': ['admin'],
  'meeting.schedule': ['facilitator'],
  // Facilitator cover: facilitators take meetings; they and admins see the gaps.
  'meeting.cover': ['facilitator'],
  'cover-gaps.read': ['facilitator', 'admin'],
  'group.join': ['participant'],
  'incident-log.keep': ['participant'],
  'account.self': ['participant', 'facilitator', 'coordinator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(role, p));
}
