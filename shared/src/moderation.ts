/** Moderation and safety (CONTRACT.md): reports, mutes, bans, room controls, watched words, safety alerts. */
import type { Message } from './chat';
import type { Member } from './groups';
import type { Page } from './http-contract';

export const REPORT_CATEGORIES = ['harassment', 'identifying-info', 'crisis', 'spam', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_RESOLUTIONS = ['dismissed', 'actioned'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

export const REPORT_ACTIONS = ['remove-message', 'mute', 'remove', 'ban'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export type ReportStatus = 'open' | ReportResolution;

export const WATCH_ACTIONS = ['hold', 'crisis'] as const;
export type WatchAction = (typeof WATCH_ACTIONS)[number];

/** What a member may raise with `POST /groups/:id/safety`. */
export const MEMBER_SAFETY_KINDS = ['not-safe', 'knows-member'] as const;
export type MemberSafetyKind = (typeof MEMBER_SAFETY_KINDS)[number];
/** Plus what the send path raises on its own. */
export type SafetyAlertKind = MemberSafetyKind | 'crisis' | 'identifying-info';
export type SafetyAlertStatus = 'open' | 'resolved';

export type ModerationNoticeKind = 'muted' | 'unmuted' | 'removed' | 'banned';

export const QUEUE_FILTERS = ['open', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const MODERATION_LIMITS = {
  muteMinMinutes: 1,
  muteMaxMinutes: 10080,
  slowModeMaxSeconds: 600,
  reasonMax: 500,
  reportNoteMax: 1000,
  memberNoteMax: 4000,
  pinnedRulesMax: 4000,
  watchedWordMax: 100,
  watchedWordsMax: 500,
  ignoredMax: 200,
  helpLinesMax: 20,
  helpLineTextMax: 200,
} as const;

export interface WatchedWord {
  /** Matched ignoring case and accents, on word boundaries; `*` stands for any letters. */
  pattern: string;
  action: WatchAction;
}

/** `GET, PUT /admin/watched-words`. */
export interface WatchedWordsResponse {
  words: WatchedWord[];
}

/** `GET, PUT /groups/:id/watched-words`: the group's additions, and the admin's list they add to. */
export interface GroupWatchedWordsResponse {
  words: WatchedWord[];
  adminWords: WatchedWord[];
}

/** A member as the group's facilitators see them after a moderation action. */
export interface ModeratedMember extends Member {
  /** While a mute lasts: when it ends. */
  mutedUntil: string | null;
}

/** A report as the group's facilitators see it. It never names the reporter. */
export interface Report {
  id: string;
  groupId: string;
  messageId: string | null;
  /** The message as facilitators see it (original body even if removed); null once deleted by retention. */
  message: Message | null;
  /** The reported message's author; null for a former member. */
  reportedMemberId: string | null;
  category: ReportCategory;
  note: string | null;
  status: ReportStatus;
  action: ReportAction | null;
  resolutionNote: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** What the reporter gets back (201). */
export interface OwnReport {
  id: string;
  groupId: string;
  messageId: string;
  category: ReportCategory;
  note: string | null;
  status: ReportStatus;
  createdAt: string;
}

/** A queue: a page plus how many are still open (unresolved). */
export interface QueuePage<T> extends Page<T> {
  unread: number;
}

/** A safety alert as the group's facilitators see it. */
export interface SafetyAlertItem {
  id: string;
  groupId: string;
  kind: SafetyAlertKind;
  /** Null once that member's account was deleted. */
  fromMemberId: string | null;
  fromDisplayName: string | null;
  aboutMemberId: string | null;
  aboutDisplayName: string | null;
  messageId: string | null;
  message: Message | null;
  status: SafetyAlertStatus;
  resolutionNote: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** What the member who raised the alert gets back (201). */
export interface OwnSafetyAlert {
  id: string;
  groupId: string;
  kind: MemberSafetyKind;
  aboutMemberId: string | null;
  status: SafetyAlertStatus;
  createdAt: string;
}

/** A facilitator's private note on a member (encrypted at rest). */
export interface MemberNote {
  id: string;
  memberId: string;
  /** Null when the stored text does not decrypt here (moved or changed). */
  body: string | null;
  authorDisplayName: string | null;
  createdAt: string;
}

export type ModerationLogAction =
  | 'message-removed'
  | 'message-approved'
  | 'muted'
  | 'unmuted'
  | 'removed'
  | 'banned'
  | 'room-updated'
  | 'watched-words-updated'
  | 'report-dismissed'
  | 'report-actioned'
  | 'safety-resolved';

export interface ModerationLogDetails {
  messagesRemoved?: number;
  locked?: boolean;
  slowModeSeconds?: number;
  pinnedRulesChanged?: boolean;
  reportId?: string;
  reportCategory?: ReportCategory;
  safetyAlertId?: string;
  watchedWords?: number;
}

/** One entry of a group's moderation log (append-only, newest first). */
export interface ModerationLogItem {
  id: string;
  action: ModerationLogAction;
  /** The facilitator's name in the group; null once their account was deleted. */
  actorDisplayName: string | null;
  targetMemberId: string | null;
  messageId: string | null;
  reason: string;
  expiresAt: string | null;
  createdAt: string;
  details: ModerationLogDetails | null;
}

/** `GET, PUT /groups/:id/membership/ignored`. */
export interface IgnoredMembers {
  memberIds: string[];
}

export interface LocalizedText {
  da: string;
  en: string;
}

/** One help line as the admin keeps it: both languages. */
export interface HelpLineEntry {
  number: string;
  name: LocalizedText;
  /** When it is open; empty when not known. */
  hours: LocalizedText;
  description: LocalizedText;
}

/** `GET, PUT /admin/help-lines`. */
export interface HelpLinesResponse {
  lines: HelpLineEntry[];
}

/** `GET /groups/:id/moderation/summary`: what waits for the group's facilitators. */
export interface ModerationSummary {
  openReports: number;
  openSafetyAlerts: number;
  heldMessages: number;
  mutes: { memberId: string; until: string }[];
}

export interface ModerationNotice {
  groupId: string;
  kind: ModerationNoticeKind;
  until?: string;
}
