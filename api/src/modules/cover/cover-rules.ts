import { COVER_LIMITS } from '@tryg/shared';

const HOUR_MS = 3600_000;

/** The gap notice goes out this long before an uncovered meeting (at once when it is closer). */
export const GAP_NOTICE_MS = COVER_LIMITS.gapNoticeHours * HOUR_MS;

export interface CoverMeetingFacts {
  startsAt: Date;
  createdAt: Date;
  cancelled: boolean;
}

export interface CoverGroupFacts {
  requireFacilitator: boolean;
  coverCancelHours: number;
}

/** Cover rules apply only where a meeting cannot run without a facilitator. */
export function hasCoverRules(group: CoverGroupFacts): boolean {
  return group.requireFacilitator;
}

/** An uncovered meeting's staff should hear of it: from 72 hours before it until it starts. */
export function gapNoticeDue(meeting: CoverMeetingFacts, group: CoverGroupFacts, now: Date): boolean {
  if (!hasCoverRules(group) || meeting.cancelled || meeting.startsAt <= now) return false;
  return meeting.startsAt.getTime() - now.getTime() <= GAP_NOTICE_MS;
}

/**
 * An uncovered meeting is cancelled once it is `coverCancelHours` from its start. Never one that
 * has started (members may be in the room), never one planned at shorter notice than that (its
 * members were never promised the rule), and never when the group set 0.
 */
export function autoCancelDue(meeting: CoverMeetingFacts, group: CoverGroupFacts, now: Date): boolean {
  if (!hasCoverRules(group) || group.coverCancelHours <= 0 || meeting.cancelled) return false;
  const windowMs = group.coverCancelHours * HOUR_MS;
  if (meeting.startsAt <= now) return false;
  if (meeting.startsAt.getTime() - meeting.createdAt.getTime() < windowMs) return false;
  return meeting.startsAt.getTime() - now.getTime() <= windowMs;
}

/** Whole hours until the start, rounded down; negative while the meeting is in progress. */
export function hoursUntil(startsAt: Date, now: Date): number {
  return Math.floor((startsAt.getTime() - now.getTime()) / HOUR_MS);
}
