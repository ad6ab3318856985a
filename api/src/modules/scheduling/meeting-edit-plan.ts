import { occurrenceAt, splitFollowing, type FollowingSplit, type SeriesRule } from './recurrence';

/** The parts of a meeting an edit may change. */
export interface PlannedMeeting {
  id: string;
  scheduleId: string | null;
  seriesIndex: number | null;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  cancelled: boolean;
  title: string | null;
  capacity: number | null;
}

export interface MeetingChange {
  startsAt?: Date;
  durationMinutes?: number;
  cancelled?: boolean;
  title?: string | null;
  capacity?: number;
}

export interface MeetingUpdate {
  before: PlannedMeeting;
  after: PlannedMeeting;
  moved: boolean;
  cancelledNow: boolean;
}

export interface EditPlan {
  updates: MeetingUpdate[];
  /** Set when a `following` edit changes the series' time or duration. */
  split: FollowingSplit | null;
}

function applyFields(meeting: PlannedMeeting, change: MeetingChange): PlannedMeeting {
  return {
    ...meeting,
    cancelled: change.cancelled ?? meeting.cancelled,
    title: change.title !== undefined ? change.title : meeting.title,
    capacity: change.capacity ?? meeting.capacity,
  };
}

function update(before: PlannedMeeting, after: PlannedMeeting): MeetingUpdate {
  return {
    before,
    after,
    moved: before.startsAt.getTime() !== after.startsAt.getTime(),
    cancelledNow: !before.cancelled && after.cancelled,
  };
}

/**
 * What an edit does, before anything is written.
 *
 * `this`: only the chosen meeting changes; it stays linked to its series, and the rest of the
 * series keeps its times. `following`: the chosen meeting and every later meeting of its series
 * (by position in the series, not yet ended) change; a new time re-computes each of them from
 * the new wall-clock pattern, so an occurrence moved on its own earlier falls back into line.
 * Earlier meetings are never touched.
 */
export function planMeetingEdit(input: {
  target: PlannedMeeting;
  scope: 'this' | 'following';
  change: MeetingChange;
  /** The target's series and all of its meetings; absent for a one-off meeting. */
  series?: { rule: SeriesRule; meetings: PlannedMeeting[] } | null;
  now: Date;
}): EditPlan {
  const { target, change, now } = input;
  const series = input.series;
  if (input.scope === 'this' || !series || target.seriesIndex === null) {
    const startsAt = change.startsAt ?? target.startsAt;
    const durationMinutes = change.durationMinutes ?? target.durationMinutes;
    const after = applyFields(
      { ...target, startsAt, durationMinutes, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) },
      change,
    );
    return { updates: [update(target, after)], split: null };
  }

  const targetIndex = target.seriesIndex;
  const following = series.meetings
    .filter((m) => m.seriesIndex !== null && m.seriesIndex >= targetIndex && (m.id === target.id || m.endsAt > now))
    .sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
  const reshapes = change.startsAt !== undefined || change.durationMinutes !== undefined;
  const split = reshapes
    ? splitFollowing(series.rule, targetIndex, { newStart: change.startsAt, durationMinutes: change.durationMinutes })
    : null;

  const updates = following.map((meeting) => {
    let after: PlannedMeeting = { ...meeting };
    if (split) {
      const position = (meeting.seriesIndex ?? targetIndex) - targetIndex;
      if (change.startsAt !== undefined) {
        const occurrence = occurrenceAt(split.from, position);
        after = {
          ...after,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          durationMinutes: split.from.durationMinutes,
        };
      } else {
        // Only the length changes: each meeting keeps its own start, even one moved on its own.
        const minutes = split.from.durationMinutes;
        after = { ...after, durationMinutes: minutes, endsAt: new Date(meeting.startsAt.getTime() + minutes * 60_000) };
      }
      // With a split, the rest belongs to the new series, numbered from 0 again.
      after.seriesIndex = split.before ? position : meeting.seriesIndex;
    }
    return update(meeting, applyFields(after, change));
  });
  return { updates, split };
}
