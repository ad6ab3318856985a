import type { Locale } from './roles';
import type { Account, Membership, MembershipStatus } from './responses';

export const BETWEEN_SESSIONS_MODES = ['closed', 'read-only'] as const;
export type BetweenSessions = (typeof BETWEEN_SESSIONS_MODES)[number];

export const GROUP_DEFAULTS = {
  language: 'da' as Locale,
  timezone: 'Europe/Copenhagen',
  betweenSessions: 'closed' as BetweenSessions,
  rules: '',
  retentionDays: 180,
  openMinutesBefore: 10,
  requireFacilitator: true,
};

export interface Group {
  id: string;
  name: string;
  description: string;
  language: Locale;
  capacity: number;
  timezone: string;
  betweenSessions: BetweenSessions;
  rules: string;
  retentionDays: number;
  openMinutesBefore: number;
  requireFacilitator: boolean;
}

export type MemberRole = 'member' | 'facilitator';

/** A member as others in the group see them: a pseudonym, never a login or account id. */
export interface Member {
  memberId: string;
  displayName: string;
  role: MemberRole;
  status: MembershipStatus;
}

/** The single-member view for the group's facilitators: adds the coordinator's note (each read audited). */
export interface MemberDetail extends Member {
  referralNote: string | null;
  joinedAt: string;
}

export const REFERRAL_STATUSES = ['issued', 'redeemed', 'approved', 'declined', 'expired', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface Referral {
  id: string;
  groupId: string;
  status: ReferralStatus;
  clientReference: string | null;
  createdAt: string;
  expiresAt: string;
  /** Approval was refused for a keep-apart match: the coordinator's signal, naming nobody. */
  keepApartMatch: boolean;
}

export interface ReferralCreated {
  referral: Referral;
  /** Shown once; only its hash is kept. */
  code: string;
}

export interface RedeemResponse {
  account: Account;
  membership: Membership;
  recoveryCodes: string[];
}

/** The owner's own view of a membership, with their notification preference. */
export interface OwnMembership extends Membership {
  showGroupName: boolean;
  /** When the membership was approved (the member sees the room's messages from then on); null before. */
  approvedAt: string | null;
}
