import type { OwnMembership } from './groups';
import type { Locale, Role } from './roles';

/** Response shapes (CONTRACT.md "Objects"). */
export interface Account {
  id: string;
  login: string;
  role: Role;
  locale: Locale;
}

export type MembershipStatus = 'pending' | 'approved' | 'declined' | 'left' | 'removed' | 'banned';

export interface Membership {
  memberId: string;
  groupId: string;
  displayName: string;
  status: MembershipStatus;
}

export interface MeResponse {
  account: Account;
  memberships: OwnMembership[];
}

export interface LoginResponse {
  account: Account;
}

export interface SessionItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

export interface StaffItem extends Account {
  displayName: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface AuditItem {
  id: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  createdAt: string;
}

export interface HealthResponse {
  status: 'ok';
}

/** `GET /client-config`: what the web needs before sign-in (public, nothing secret). */
export interface ClientConfigResponse {
  quickExitUrl: string;
}
