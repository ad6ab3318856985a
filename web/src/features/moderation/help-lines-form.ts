import { MODERATION_LIMITS, type HelpLineEntry } from '@tryg/shared';

/** One help line as the form holds it (every field a string, both languages). */
export interface HelpLineDraft {
  key: string;
  number: string;
  nameDa: string;
  nameEn: string;
  hoursDa: string;
  hoursEn: string;
  descriptionDa: string;
  descriptionEn: string;
}

export type HelpLineField = Exclude<keyof HelpLineDraft, 'key'>;
export type HelpLineProblem = 'required' | 'number' | 'too-long';

/** The server's rule: digits and spaces, optionally starting with +. */
const NUMBER_PATTERN = /^\+?[0-9][0-9 ]{1,30}$/;

let nextKey = 0;
const newKey = () => `line-${(nextKey += 1)}`;

export function toDraft(entry: HelpLineEntry): HelpLineDraft {
  return {
    key: newKey(),
    number: entry.number,
    nameDa: entry.name.da,
    nameEn: entry.name.en,
    hoursDa: entry.hours.da,
    hoursEn: entry.hours.en,
    descriptionDa: entry.description.da,
    descriptionEn: entry.description.en,
  };
}

export function emptyDraft(): HelpLineDraft {
  return {
    key: newKey(),
    number: '',
    nameDa: '',
    nameEn: '',
    hoursDa: '',
    hoursEn: '',
    descriptionDa: '',
    descriptionEn: '',
  };
}

/** What is wrong with one field, or null. Number and both names are required; the rest may be empty. */
export function checkHelpLineField(field: HelpLineField, value: string): HelpLineProblem | null {
  const trimmed = value.trim();
  if (trimmed.length > MODERATION_LIMITS.helpLineTextMax) return 'too-long';
  if (field === 'number') {
    if (trimmed === '') return 'required';
    return NUMBER_PATTERN.test(trimmed) ? null : 'number';
  }
  if ((field === 'nameDa' || field === 'nameEn') && trimmed === '') return 'required';
  return null;
}

const FIELDS: HelpLineField[] = ['number', 'nameDa', 'nameEn', 'hoursDa', 'hoursEn', 'descriptionDa', 'descriptionEn'];

/** The request body, or null while any field has a problem. */
export function toEntries(drafts: readonly HelpLineDraft[]): HelpLineEntry[] | null {
  for (const draft of drafts) {
    for (const field of FIELDS) if (checkHelpLineField(field, draft[field]) !== null) return null;
  }
  return drafts.map((draft) => ({
    number: draft.number.trim().replace(/\s+/g, ' '),
    name: { da: draft.nameDa.trim(), en: draft.nameEn.trim() },
    hours: { da: draft.hoursDa.trim(), en: draft.hoursEn.trim() },
    description: { da: draft.descriptionDa.trim(), en: draft.descriptionEn.trim() },
  }));
}

/** Moves one line up or down (the order is the order members see). */
export function moveDraft(drafts: readonly HelpLineDraft[], key: string, by: -1 | 1): HelpLineDraft[] {
  const index = drafts.findIndex((draft) => draft.key === key);
  const target = index + by;
  if (index === -1 || target < 0 || target >= drafts.length) return [...drafts];
  const next = [...drafts];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
