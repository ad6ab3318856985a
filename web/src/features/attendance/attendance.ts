import type { AttendanceItem, Meeting } from '@tryg/shared';

/** From this many missed meetings in a row the summary marks a member, quietly (no colour, no alarm). */
export const MISSED_IN_A_ROW_SIGNAL = 2;

export function showsQuietSignal(item: Pick<AttendanceItem, 'missedInARow'>): boolean {
  return item.missedInARow >= MISSED_IN_A_ROW_SIGNAL;
}

/**
 * Meetings attendance can be recorded for: not cancelled, and their room has opened (the API
 * refuses earlier ones). Newest first, so the one just held is the first choice.
 */
export function markableMeetings(meetings: readonly Meeting[], openMinutesBefore: number, now: Date): Meeting[] {
  return meetings
    .filter((m) => !m.cancelled && Date.parse(m.startsAt) - openMinutesBefore * 60_000 <= now.getTime())
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
}
