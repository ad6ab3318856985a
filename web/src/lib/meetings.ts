import type { Meeting } from '@tryg/shared';
import { wallClockAt } from './zoned-time';

/**
 * Meetings of a series that were moved on their own, among those at hand. The API's meeting has
 * no "moved" mark, but a series keeps one weekday and one wall-clock time in the group's zone, so
 * a meeting at another weekday or time than most of its series was moved by itself. (A "this and
 * the following" move starts a new series, which is not marked here; members got a notification.)
 */
export function movedMeetingIds(meetings: readonly Meeting[], timeZone: string): Set<string> {
  const bySeries = new Map<string, { id: string; key: string }[]>();
  for (const meeting of meetings) {
    if (meeting.scheduleId === null) continue;
    const w = wallClockAt(new Date(meeting.startsAt), timeZone);
    const entry = { id: meeting.id, key: `${w.weekday}|${w.hour}:${w.minute}` };
    bySeries.set(meeting.scheduleId, [...(bySeries.get(meeting.scheduleId) ?? []), entry]);
  }
  const moved = new Set<string>();
  for (const entries of bySeries.values()) {
    const counts = new Map<string, number>();
    for (const { key } of entries) counts.set(key, (counts.get(key) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    // Only a clear pattern counts: with a tie nobody can tell which meeting moved.
    if (ranked.length < 2 || ranked[0][1] === ranked[1][1]) continue;
    const pattern = ranked[0][0];
    for (const { id, key } of entries) if (key !== pattern) moved.add(id);
  }
  return moved;
}
