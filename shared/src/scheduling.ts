/** Group scheduling: series, meetings, RSVP, attendance, notifications, the room window (CONTRACT.md). */

export const MEETING_FREQUENCIES = ['weekly', 'biweekly'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

export const RSVP_RESPONSES = ['yes', 'no'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const RSVP_STATUSES = ['going', 'waitlisted', 'not-going'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** `this`: only the chosen meeting; `following`: it and the rest of its series. */
export const EDIT_SCOPES = ['this', 'following'] as const;
export type EditScope = (typeof EDIT_SCOPES)[number];

export const SCHEDULING_LIMITS = {
  durationMinMinutes: 5,
  durationMaxMinutes: 720,
  /** At most two years of weekly meetings in one series. */
  maxOccurrences: 104,
  maxSeriesDays: 731,
  /** How far ahead a one-off meeting may be planned. */
  maxDaysAhead: 731,
  /** `GET /groups/:id/meetings` defaults: now − 1 day … now + 90 days. */
  defaultListBeforeMs: 24 * 3600 * 1000,
  defaultListAfterMs: 90 * 24 * 3600 * 1000,
  maxListSpanDays: 400,
  /** Attendance looks at this many of the member's most recent meetings. */
  attendanceWindow: 10,
} as const;

/** A weekly or biweekly series, in the group's time zone: a local date, a local time and a zone. */
export interface Schedule {
  id: string;
  groupId: string;
  /** `YYYY-MM-DD`, local to `timezone`. */
  startsOn: string;
  /** `HH:mm`, local to `timezone`; kept on the wall clock across daylight-saving changes. */
  time: string;
  timezone: string;
  durationMinutes: number;
  frequency: MeetingFrequency;
  count: number | null;
  /** `YYYY-MM-DD`, inclusive. */
  until: string | null;
  title: string | null;
  capacity: number | null;
}

export interface Meeting {
  id: string;
  groupId: string;
  scheduleId: string | null;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  title: string | null;
  cancelled: boolean;
  /** Places (default the group's capacity); facilitators do not take one. */
  capacity: number;
  going: number;
  myRsvp: RsvpResponse | null;
  waitlistPosition: number | null;
  /** A facilitator of the group has taken this meeting (Facilitator cover). */
  covered: boolean;
  /** Who covers it: for the group's facilitators and admins only; members see just `covered`. */
  cover?: MeetingCoverEntry[];
}

/** A facilitator covering a meeting, by the name they use in that group. */
export interface MeetingCoverEntry {
  displayName: string;
}

export interface ScheduleCreated {
  schedule: Schedule;
  meetings: Meeting[];
}

export interface RsvpResult {
  status: RsvpStatus;
  waitlistPosition: number | null;
}

/**
 * A member's recent attendance, for the group's facilitators only. `attended` counts the meetings
 * the member was present at among `recentMeetings`: the group's last meetings (at most
 * `SCHEDULING_LIMITS.attendanceWindow`) that have ended, were not cancelled and started after the
 * member was approved. `missedInARow` counts the latest of those in a row without presence.
 */
export interface AttendanceItem {
  memberId: string;
  displayName: string;
  attended: number;
  missedInARow: number;
  recentMeetings: number;
}

export interface AttendanceRecord {
  meetingId: string;
  memberId: string;
  present: boolean;
}

/** `presence`: the member was in the room during the meeting; `facilitator`: a facilitator set it (last word). */
export type AttendanceSource = 'presence' | 'facilitator';

/** `GET /meetings/:id/attendance`: what is recorded for one meeting so far (members with no record are absent from it). */
export interface MeetingAttendanceItem extends AttendanceRecord {
  source: AttendanceSource;
}

export const NOTIFICATION_KINDS = [
  'reminder-24h',
  'reminder-1h',
  'meeting-cancelled',
  'meeting-moved',
  'waitlist-promoted',
  'intake-approved',
  'intake-declined',
  'keep-apart-match',
  // Case work reminders to a client's coordinators (neutral: no reference, no content).
  'client-review',
  'rescreen-due',
  'task-due',
  'cover-gap',
  'care-missed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Neutral text in the account's language; the group's name only if the member opted in. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

export interface CalendarTokenResponse {
  /** The secret feed URL; shown once (only its hash is kept). */
  url: string;
}

export const ROOM_MODES = ['open', 'read-only', 'closed'] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

/**
 * The `room:state` payload. `opensAt`/`closesAt` are the current window's, or the next one's when
 * the room is not open (null when nothing is planned). `waitingForFacilitator` is an addition to
 * the CONTRACT's fields: participants cannot post until a facilitator has joined this meeting.
 */
export interface RoomState {
  groupId: string;
  mode: RoomMode;
  opensAt: string | null;
  closesAt: string | null;
  facilitatorPresent: boolean;
  locked: boolean;
  slowModeSeconds: number;
  pinnedRules: string;
  waitingForFacilitator: boolean;
}
