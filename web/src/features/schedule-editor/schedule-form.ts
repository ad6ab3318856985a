import { type CreateMeetingDto, type CreateScheduleDto, type MeetingFrequency, SCHEDULING_LIMITS } from '@tryg/shared';
import { fromLocalDateTime } from '../../lib/zoned-time';

/** What a form field can be wrong about; the component turns it into words. */
export type Problem =
  | { key: 'dateRequired' }
  | { key: 'timeRequired' }
  | { key: 'durationRange'; min: number; max: number }
  | { key: 'countRange'; max: number }
  | { key: 'untilBeforeStart' }
  | { key: 'capacityRange'; max: number }
  | { key: 'titleLength'; max: number }
  | { key: 'inPast' }
  | { key: 'nothingChanged' };

export type Checked<Field extends string, Body> =
  { ok: true; body: Body } | { ok: false; problems: Partial<Record<Field, Problem>> };

export const TITLE_MAX = 80;
export const CAPACITY_MAX = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function checkDuration(value: string): Problem | null {
  const minutes = wholeNumber(value);
  const { durationMinMinutes: min, durationMaxMinutes: max } = SCHEDULING_LIMITS;
  return minutes === null || minutes < min || minutes > max ? { key: 'durationRange', min, max } : null;
}

function checkCapacity(value: string): Problem | null {
  if (value.trim() === '') return null;
  const places = wholeNumber(value);
  return places === null || places < 1 || places > CAPACITY_MAX ? { key: 'capacityRange', max: CAPACITY_MAX } : null;
}

function checkTitle(value: string): Problem | null {
  return [...value.trim()].length > TITLE_MAX ? { key: 'titleLength', max: TITLE_MAX } : null;
}

/** The optional fields both forms share, as the API wants them (left out when empty). */
function extras(title: string, capacity: string): { title?: string; capacity?: number } {
  return {
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(capacity.trim() ? { capacity: Number(capacity.trim()) } : {}),
  };
}

function collect<Field extends string, Body>(
  problems: Partial<Record<Field, Problem | null>>,
  body: () => Body,
): Checked<Field, Body> {
  const found = Object.entries(problems).filter(([, problem]) => problem) as [Field, Problem][];
  if (found.length > 0) return { ok: false, problems: Object.fromEntries(found) as Partial<Record<Field, Problem>> };
  return { ok: true, body: body() };
}

export interface SeriesFormValues {
  startsOn: string;
  time: string;
  durationMinutes: string;
  frequency: MeetingFrequency;
  ends: 'count' | 'until';
  count: string;
  until: string;
  title: string;
  capacity: string;
}

export type SeriesField = keyof SeriesFormValues;

/** A series in the group's own terms: local date and time, which the server keeps on the wall clock. */
export function checkSeriesForm(values: SeriesFormValues): Checked<SeriesField, CreateScheduleDto> {
  const count = wholeNumber(values.count);
  const problems: Partial<Record<SeriesField, Problem | null>> = {
    startsOn: DATE.test(values.startsOn) ? null : { key: 'dateRequired' },
    time: TIME.test(values.time) ? null : { key: 'timeRequired' },
    durationMinutes: checkDuration(values.durationMinutes),
    title: checkTitle(values.title),
    capacity: checkCapacity(values.capacity),
  };
  if (values.ends === 'count') {
    problems.count =
      count === null || count < 1 || count > SCHEDULING_LIMITS.maxOccurrences
        ? { key: 'countRange', max: SCHEDULING_LIMITS.maxOccurrences }
        : null;
  } else if (!DATE.test(values.until)) {
    problems.until = { key: 'dateRequired' };
  } else if (DATE.test(values.startsOn) && values.until < values.startsOn) {
    problems.until = { key: 'untilBeforeStart' };
  }
  return collect(problems, () => ({
    startsOn: values.startsOn,
    time: values.time,
    durationMinutes: Number(values.durationMinutes.trim()),
    frequency: values.frequency,
    ...(values.ends === 'count' ? { count: count ?? 0 } : { until: values.until }),
    ...extras(values.title, values.capacity),
  }));
}

export interface OneOffFormValues {
  date: string;
  time: string;
  durationMinutes: string;
  title: string;
  capacity: string;
}

export type OneOffField = keyof OneOffFormValues;

/** A one-off meeting: its local date and time in the group's zone become one instant. */
export function checkOneOffForm(
  values: OneOffFormValues,
  timeZone: string,
  now: Date,
): Checked<OneOffField, CreateMeetingDto> {
  const problems: Partial<Record<OneOffField, Problem | null>> = {
    date: DATE.test(values.date) ? null : { key: 'dateRequired' },
    time: TIME.test(values.time) ? null : { key: 'timeRequired' },
    durationMinutes: checkDuration(values.durationMinutes),
    title: checkTitle(values.title),
    capacity: checkCapacity(values.capacity),
  };
  if (!problems.date && !problems.time && !problems.durationMinutes) {
    const startsAt = fromLocalDateTime(values.date, values.time, timeZone);
    const endsAt = startsAt.getTime() + Number(values.durationMinutes.trim()) * 60_000;
    if (endsAt <= now.getTime()) problems.time = { key: 'inPast' };
  }
  return collect(problems, () => ({
    startsAt: fromLocalDateTime(values.date, values.time, timeZone).toISOString(),
    durationMinutes: Number(values.durationMinutes.trim()),
    ...extras(values.title, values.capacity),
  }));
}
