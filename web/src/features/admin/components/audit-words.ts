import type { AuditItem, Group, StaffItem } from '@tryg/shared';
import type { Translation } from '../../../lib/i18n/i18n';

export type AuditTypeKey = keyof Translation['audit']['types'];

/** `recovery-codes.created` → `recoveryCodesCreated`, the key of its words (null when `known` has none). */
export function auditTypeKey(type: string, known: object): AuditTypeKey | null {
  const key = type.replace(/[.-](\w)/g, (_match, letter: string) => letter.toUpperCase());
  return Object.hasOwn(known, key) ? (key as AuditTypeKey) : null;
}

/** The actions the API records, as it names them: the choices of the "what happened" filter (each has words). */
export const AUDIT_TYPES = [
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'logout',
  'session.revoked',
  'password.changed',
  'recovery-codes.created',
  'recovery.succeeded',
  'recovery.failed',
  'account.deleted',
  'account.expired',
  'admin.bootstrapped',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'group.created',
  'group.updated',
  'facilitator.assigned',
  'facilitator.unassigned',
  'referral.issued',
  'referral.redeemed',
  'referral.revoked',
  'referral.client-reference.read',
  'referral-note.read',
  'intake.approved',
  'intake.declined',
  'keep-apart.matched',
  'membership.left',
  'schedule.created',
  'meeting.created',
  'meeting.updated',
  'attendance.set',
  'calendar-token.created',
  'calendar-token.revoked',
  'report.created',
  'report.resolved',
  'safety.not-safe',
  'safety.knows-member',
  'safety.resolved',
  'moderation.muted',
  'moderation.unmuted',
  'moderation.removed',
  'moderation.banned',
  'moderation.message-removed',
  'moderation.message-approved',
  'moderation.room-updated',
  'moderation.watched-words-updated',
  'member-note.added',
  'member-notes.read',
  'watched-words.updated',
  'help-lines.updated',
] as const;

/** Who an id is, in words the admin knows: a staff member, a group, the person themselves, or not named. */
export type AuditParty =
  | { kind: 'staff'; name: string; login: string }
  | { kind: 'group'; name: string }
  | { kind: 'system' }
  | { kind: 'self' }
  | { kind: 'participant' }
  | { kind: 'none' }
  | { kind: 'not-shown' };

export function actorOf(item: AuditItem, staff: ReadonlyMap<string, StaffItem>): AuditParty {
  if (item.actorId === null) return { kind: 'system' };
  const person = staff.get(item.actorId);
  if (person) return { kind: 'staff', name: person.displayName ?? person.login, login: person.login };
  // Only accounts act, and every staff account is listed: anyone else took part as a participant.
  return { kind: 'participant' };
}

export function subjectOf(
  item: AuditItem,
  staff: ReadonlyMap<string, StaffItem>,
  groups: ReadonlyMap<string, Group>,
): AuditParty {
  if (item.subjectId === null) return { kind: 'none' };
  if (item.subjectId === item.actorId) return { kind: 'self' };
  const person = staff.get(item.subjectId);
  if (person) return { kind: 'staff', name: person.displayName ?? person.login, login: person.login };
  const group = groups.get(item.subjectId);
  if (group) return { kind: 'group', name: group.name };
  // Members, referrals, messages: the history keeps their ids only, and shows none of them.
  return { kind: 'not-shown' };
}
