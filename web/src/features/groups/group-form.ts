import {
  BETWEEN_SESSIONS_MODES,
  COVER_CARE_SETTINGS,
  GROUP_DEFAULTS,
  LOCALES,
  type BetweenSessions,
  type CreateGroupDto,
  type Group,
  type Locale,
  type UpdateGroupDto,
} from '@tryg/shared';

/** The CONTRACT's limits for group settings (the server checks again). */
export const GROUP_LIMITS = {
  name: { min: 2, max: 80 },
  description: { max: 2000 },
  rules: { max: 4000 },
  capacity: { min: 1, max: 200 },
  retentionDays: { min: 1, max: 3650 },
  openMinutesBefore: { min: 0, max: 60 },
  ...COVER_CARE_SETTINGS,
} as const;

/** What the form holds: numbers as typed, so a half-typed value is never silently changed. */
export interface GroupFormValues {
  name: string;
  description: string;
  language: Locale;
  capacity: string;
  timezone: string;
  betweenSessions: BetweenSessions;
  rules: string;
  retentionDays: string;
  openMinutesBefore: string;
  requireFacilitator: boolean;
  coverCancelHours: string;
  careLoopAfter: string;
}

export type GroupField = keyof GroupFormValues;

export type GroupFieldProblem =
  | { kind: 'required' }
  | { kind: 'length'; min: number; max: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'wholeNumber'; min: number; max: number }
  | { kind: 'timezone' };

export function initialGroupValues(group?: Group): GroupFormValues {
  const source = group ?? { ...GROUP_DEFAULTS, name: '', description: '', capacity: null };
  return {
    name: source.name,
    description: source.description,
    language: source.language,
    capacity: source.capacity === null ? '' : String(source.capacity),
    timezone: source.timezone,
    betweenSessions: source.betweenSessions,
    rules: source.rules,
    retentionDays: String(source.retentionDays),
    openMinutesBefore: String(source.openMinutesBefore),
    requireFacilitator: source.requireFacilitator,
    coverCancelHours: String(source.coverCancelHours),
    careLoopAfter: String(source.careLoopAfter),
  };
}

/** A whole number within [min, max] as typed (digits only, spaces around allowed), else null. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

export function isTimeZone(value: string): boolean {
  if (value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isLanguage(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function isBetweenSessions(value: string): value is BetweenSessions {
  return (BETWEEN_SESSIONS_MODES as readonly string[]).includes(value);
}

function codePoints(text: string): number {
  return [...text].length;
}

/** Every field's problem, if any; an empty object means the form can be sent. */
export function groupFormProblems(values: GroupFormValues): Partial<Record<GroupField, GroupFieldProblem>> {
  const problems: Partial<Record<GroupField, GroupFieldProblem>> = {};
  const name = values.name.trim();
  if (name === '') problems.name = { kind: 'required' };
  else if (codePoints(name) < GROUP_LIMITS.name.min || codePoints(name) > GROUP_LIMITS.name.max) {
    problems.name = { kind: 'length', ...GROUP_LIMITS.name };
  }
  if (codePoints(values.description) > GROUP_LIMITS.description.max) {
    problems.description = { kind: 'tooLong', max: GROUP_LIMITS.description.max };
  }
  if (codePoints(values.rules) > GROUP_LIMITS.rules.max)
    problems.rules = { kind: 'tooLong', max: GROUP_LIMITS.rules.max };
  for (const field of ['capacity', 'retentionDays', 'openMinutesBefore', 'coverCancelHours', 'careLoopAfter'] as const) {
    const { min, max } = GROUP_LIMITS[field];
    if (values[field].trim() === '') problems[field] = { kind: 'required' };
    else if (parseWholeNumber(values[field], min, max) === null) problems[field] = { kind: 'wholeNumber', min, max };
  }
  if (!isTimeZone(values.timezone)) problems.timezone = { kind: 'timezone' };
  return problems;
}

/** The create body; call only when groupFormProblems() is empty. */
export function toCreateGroupBody(values: GroupFormValues): CreateGroupDto {
  return {
    name: values.name.trim(),
    capacity: Number(values.capacity.trim()),
    description: values.description,
    language: values.language,
    timezone: values.timezone,
    betweenSessions: values.betweenSessions,
    rules: values.rules,
    retentionDays: Number(values.retentionDays.trim()),
    openMinutesBefore: Number(values.openMinutesBefore.trim()),
    requireFacilitator: values.requireFacilitator,
    coverCancelHours: Number(values.coverCancelHours.trim()),
    careLoopAfter: Number(values.careLoopAfter.trim()),
  };
}

/** Only what changed, so an edit never overwrites a setting someone else changed meanwhile. */
export function toUpdateGroupBody(values: GroupFormValues, original: Group): UpdateGroupDto {
  const next = toCreateGroupBody(values);
  const body: UpdateGroupDto = {};
  for (const key of Object.keys(next) as (keyof CreateGroupDto)[]) {
    if (next[key] !== original[key]) Object.assign(body, { [key]: next[key] });
  }
  return body;
}

/** IANA time zones the browser knows, with the chosen one always present. */
export function timeZoneOptions(current: string): string[] {
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [GROUP_DEFAULTS.timezone];
  const zones = new Set(supported);
  zones.add(GROUP_DEFAULTS.timezone);
  if (current) zones.add(current);
  return [...zones].sort();
}
