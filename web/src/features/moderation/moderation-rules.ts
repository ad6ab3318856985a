import { MODERATION_LIMITS, type Member, type ModerationSummary, type WatchedWord } from '@tryg/shared';

/** The mute lengths offered first (minutes): 15 minutes, an hour, a day; anything else is "custom". */
export const MUTE_PRESETS = [15, 60, 1440] as const;
export type MuteChoice = `${(typeof MUTE_PRESETS)[number]}` | 'custom';

/** Whole minutes 1–10080 (a week) from what was typed; null when it is not such a number. */
export function parseMuteMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= MODERATION_LIMITS.muteMinMinutes && minutes <= MODERATION_LIMITS.muteMaxMinutes ? minutes : null;
}

/** The minutes a mute choice stands for; null for a custom value that is not allowed. */
export function muteMinutes(choice: MuteChoice, custom: string): number | null {
  return choice === 'custom' ? parseMuteMinutes(custom) : Number(choice);
}

/** Whole seconds 0–600 between a member's messages; 0 turns slow mode off. */
export function parseSlowModeSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const seconds = Number(trimmed);
  return seconds <= MODERATION_LIMITS.slowModeMaxSeconds ? seconds : null;
}

/** A reason is required for every action on a person or message (it is kept in the moderation log). */
export function checkReason(text: string): 'missing' | 'too-long' | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'missing';
  if (trimmed.length > MODERATION_LIMITS.reasonMax) return 'too-long';
  return null;
}

/** Members a facilitator can act on: approved members (facilitators are not muted or removed here). */
export function actionableMembers(members: readonly Member[]): Member[] {
  return members
    .filter((member) => member.role === 'member' && member.status === 'approved')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
}

/** A member's pseudonym by id (null when unknown: a former member, or not in the list). */
export function nameOf(members: readonly Member[] | undefined, memberId: string | null): string | null {
  if (!memberId || !members) return null;
  return members.find((member) => member.memberId === memberId)?.displayName ?? null;
}

/** When a member's running mute ends (from the summary), or null. */
export function mutedUntil(summary: ModerationSummary | undefined, memberId: string, now: Date): string | null {
  const mute = summary?.mutes.find((entry) => entry.memberId === memberId);
  if (!mute || Date.parse(mute.until) <= now.getTime()) return null;
  return mute.until;
}

/** Everything waiting for the facilitators (the number on the desk's link). */
export function waitingCount(summary: ModerationSummary | undefined): number {
  if (!summary) return 0;
  return summary.openReports + summary.openSafetyAlerts + summary.heldMessages;
}

export type WordProblem = 'empty' | 'too-long' | 'no-letter' | 'duplicate' | 'too-many';

/** Checks one new watched word against the list it joins (case- and accent-insensitive duplicates). */
export function checkWatchedWord(pattern: string, list: readonly WatchedWord[]): WordProblem | null {
  const trimmed = pattern.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MODERATION_LIMITS.watchedWordMax) return 'too-long';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'no-letter';
  if (list.length >= MODERATION_LIMITS.watchedWordsMax) return 'too-many';
  const key = foldWord(trimmed);
  if (list.some((word) => foldWord(word.pattern) === key)) return 'duplicate';
  return null;
}

/** Lower case without accents, so "Æble" and "æble" or "café" and "cafe" count as the same word. */
export function foldWord(text: string): string {
  return text.trim().toLocaleLowerCase('da').normalize('NFD').replace(/\p{M}/gu, '');
}
