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
  coverCancelHours: 24,
  careLoopAfter: 2,
};

/** Limits of the group settings of Facilitator cover and the care loop (CONTRACT.md v3). */
export const COVER_CARE_SETTINGS = {
  coverCancelHours: { min: 0, max: 168 },
  careLoopAfter: { min: 2, max: 10 },
} as const;

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
  /** An uncovered meeting is cancelled this many hours before its start; 0 = never. */
  coverCancelHours: number;
  /** Missed meetings in a row after which an opted-in member's coordinator is told. */
  careLoopAfter: number;
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
  /** The care loop: the client opted in and has missed meetings in a row since `since` (the nudge). */
  care: ReferralCare | null;
}

export interface ReferralCare {
  missedInARow: number;
  since: string;
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
  /** The member's own choice to let their referring coordinator know when they miss meetings. */
  careLoop: boolean;
  /** When the coordinator was last told; null again once the member has attended. */
  careLoopSentAt: string | null;
  /** When the membership was approved (the member sees the room's messages from then on); null before. */
  approvedAt: string | null;
}
