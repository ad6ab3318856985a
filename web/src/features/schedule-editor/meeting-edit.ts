import type { EditScope, Meeting, UpdateMeetingDto } from '@tryg/shared';
import { fromLocalDateTime } from '../../lib/zoned-time';
import { checkDuration, type Checked, type Problem } from './schedule-form';

/** A meeting of a series may change alone or with the rest of its series; a one-off only alone. */
export function scopeChoices(meeting: Pick<Meeting, 'scheduleId'>): EditScope[] {
  return meeting.scheduleId === null ? ['this'] : ['this', 'following'];
}

/**
 * The scope sent with an edit. It is always explicit for a series meeting, so what the
 * facilitator chose in the dialog is what happens; a one-off sends none (there is nothing after it).
 */
export function scopeField(meeting: Pick<Meeting, 'scheduleId'>, chosen: EditScope): { scope?: EditScope } {
  return scopeChoices(meeting).includes(chosen) && meeting.scheduleId !== null ? { scope: chosen } : {};
}

export function cancelBody(meeting: Meeting, scope: EditScope): UpdateMeetingDto {
  return { cancelled: true, ...scopeField(meeting, scope) };
}

export function restoreBody(meeting: Meeting, scope: EditScope): UpdateMeetingDto {
  return { cancelled: false, ...scopeField(meeting, scope) };
}

export interface MoveFormValues {
  date: string;
  time: string;
  durationMinutes: string;
}

export type MoveField = keyof MoveFormValues;

/**
 * A move in the group's wall-clock terms. Only what changed is sent: an unchanged start is left
 * out, so "following" with only a new length keeps each meeting's own start (as the API promises).
 */
export function checkMoveForm(
  values: MoveFormValues,
  meeting: Meeting,
  scope: EditScope,
  timeZone: string,
  now: Date,
): Checked<MoveField, UpdateMeetingDto> {
  const problems: Partial<Record<MoveField, Problem>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) problems.date = { key: 'dateRequired' };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time)) problems.time = { key: 'timeRequired' };
  const durationProblem = checkDuration(values.durationMinutes);
  if (durationProblem) problems.durationMinutes = durationProblem;
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const startsAt = fromLocalDateTime(values.date, values.time, timeZone);
  const durationMinutes = Number(values.durationMinutes.trim());
  const newStart = startsAt.getTime() !== new Date(meeting.startsAt).getTime();
  const newLength = durationMinutes !== meeting.durationMinutes;
  if (!newStart && !newLength) return { ok: false, problems: { time: { key: 'nothingChanged' } } };
  if (startsAt.getTime() + durationMinutes * 60_000 <= now.getTime()) {
    return { ok: false, problems: { time: { key: 'inPast' } } };
  }
  return {
    ok: true,
    body: {
      ...(newStart ? { startsAt: startsAt.toISOString() } : {}),
      ...(newLength ? { durationMinutes } : {}),
      ...scopeField(meeting, scope),
    },
  };
}
