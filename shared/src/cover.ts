import type { Meeting } from './scheduling';

/** Facilitator cover and the care loop (CONTRACT.md v3 "Facilitator cover", "Care loop"). */

export const COVER_LIMITS = {
  /** `GET /cover-gaps?days=` and `GET /me/cover?days=`: how far ahead. */
  daysDefault: 14,
  daysMin: 1,
  daysMax: 60,
  /** The group's facilitators and every admin hear of an uncovered meeting this long before it. */
  gapNoticeHours: 72,
} as const;

/** An uncovered meeting (`GET /cover-gaps`), or one I cover (`GET /me/cover`). */
export interface CoverItem {
  meeting: Meeting;
  groupId: string;
  groupName: string;
  /** Addition: the group's time zone, so its times can be shown on the group's wall clock. */
  timezone: string;
  /** Whole hours from now until it starts, rounded down (negative while it is in progress). */
  hoursUntilStart: number;
}

/**
 * `GET /groups/:id/membership/care-loop`: the member's switch and what it can do now.
 * `coordinator`: `available` when the referring coordinator's account can be told; otherwise nothing is sent.
 */
export interface CareLoopStatus {
  careLoop: boolean;
  careLoopSentAt: string | null;
  careLoopAfter: number;
  coordinator: 'available' | 'unavailable';
}
