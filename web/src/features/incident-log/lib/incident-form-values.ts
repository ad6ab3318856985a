import {
  INCIDENT_CONTACT_TYPES,
  INCIDENT_LIMITS,
  type CreateIncidentDto,
  type IncidentContactType,
  type IncidentEntry,
  type UpdateIncidentDto,
} from '@tryg/shared';
import { instantToWallTime, isLocalDate, isLocalTime, LOG_TIME_ZONE, wallTimeToInstant } from './log-time';

/** "Were children present?" has a third answer: not said (null on the server). */
export type ChildrenAnswer = 'yes' | 'no' | 'unsaid';

export interface EvidenceValues {
  /** Keeps React's list keys stable while items are added and removed. */
  key: string;
  description: string;
  keptWhere: string;
}

/** What the guided form holds: text exactly as typed, until it is turned into a request. */
export interface IncidentFormValues {
  date: string;
  time: string;
  approx: boolean;
  place: string;
  contactType: IncidentContactType | '';
  description: string;
  witnesses: string;
  children: ChildrenAnswer;
  evidence: EvidenceValues[];
  journalNumber: string;
  officer: string;
  policeDate: string;
  effect: string;
  thoughts: string;
  safetyNotes: string;
  keyExample: boolean;
}

export type TextFieldName =
  'place' | 'description' | 'witnesses' | 'journalNumber' | 'officer' | 'effect' | 'thoughts' | 'safetyNotes';

/** Field → character limit (the server's, so a long text is refused here with a clear message). */
export const TEXT_LIMITS: Record<TextFieldName, number> = {
  place: INCIDENT_LIMITS.place,
  description: INCIDENT_LIMITS.description,
  witnesses: INCIDENT_LIMITS.witnesses,
  journalNumber: INCIDENT_LIMITS.journalNumber,
  officer: INCIDENT_LIMITS.officer,
  effect: INCIDENT_LIMITS.effect,
  thoughts: INCIDENT_LIMITS.thoughts,
  safetyNotes: INCIDENT_LIMITS.safetyNotes,
};

export type FormProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'invalidDate' }
  | { kind: 'invalidTime' }
  | { kind: 'future' }
  | { kind: 'tooEarly' };

/** Problems by field path: `date`, `description`, `evidence.0.keptWhere`, … */
export type FormProblems = Record<string, FormProblem>;

/** The server forgives a day of clock or zone slip; a later time is a mistake. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const EARLIEST = '1900-01-01';

let evidenceCounter = 0;

export function newEvidence(description = '', keptWhere = ''): EvidenceValues {
  evidenceCounter += 1;
  return { key: `evidence-${evidenceCounter}`, description, keptWhere };
}

/** A new entry starts at this moment: writing it down at once is what makes a log credible. */
export function emptyFormValues(now: Date = new Date(), timeZone: string = LOG_TIME_ZONE): IncidentFormValues {
  const { date, time } = instantToWallTime(now.toISOString(), timeZone);
  return {
    date,
    time,
    approx: false,
    place: '',
    contactType: '',
    description: '',
    witnesses: '',
    children: 'unsaid',
    evidence: [],
    journalNumber: '',
    officer: '',
    policeDate: '',
    effect: '',
    thoughts: '',
    safetyNotes: '',
    keyExample: false,
  };
}

/** An entry as the form shows it, for editing. */
export function formValuesFromEntry(entry: IncidentEntry, timeZone: string = LOG_TIME_ZONE): IncidentFormValues {
  const { date, time } = instantToWallTime(entry.occurredAt, timeZone);
  return {
    date,
    time,
    approx: entry.occurredAtApprox,
    place: entry.place ?? '',
    contactType: entry.contactType,
    description: entry.description,
    witnesses: entry.witnesses ?? '',
    children: entry.childrenPresent === null ? 'unsaid' : entry.childrenPresent ? 'yes' : 'no',
    evidence: entry.evidence.map((item) => newEvidence(item.description, item.keptWhere)),
    journalNumber: entry.police?.journalNumber ?? '',
    officer: entry.police?.officer ?? '',
    policeDate: entry.police?.date ?? '',
    effect: entry.effect ?? '',
    thoughts: entry.private?.thoughts ?? '',
    safetyNotes: entry.private?.safetyNotes ?? '',
    keyExample: entry.keyExample,
  };
}

function isContactType(value: string): value is IncidentContactType {
  return (INCIDENT_CONTACT_TYPES as readonly string[]).includes(value);
}

/** Evidence rows left completely empty are not meant as evidence: they are dropped, not refused. */
function filledEvidence(values: IncidentFormValues): { index: number; item: EvidenceValues }[] {
  return values.evidence
    .map((item, index) => ({ index, item }))
    .filter(({ item }) => item.description.trim() !== '' || item.keptWhere.trim() !== '');
}

/** Checks the form as the server will, so the person hears what to fix, in their language. */
export function validateFormValues(
  values: IncidentFormValues,
  now: Date = new Date(),
  timeZone: string = LOG_TIME_ZONE,
): FormProblems {
  const problems: FormProblems = {};
  if (values.date === '') problems.date = { kind: 'required' };
  else if (!isLocalDate(values.date)) problems.date = { kind: 'invalidDate' };
  else if (values.date < EARLIEST) problems.date = { kind: 'tooEarly' };
  if (values.time === '') problems.time = { kind: 'required' };
  else if (!isLocalTime(values.time)) problems.time = { kind: 'invalidTime' };
  if (!problems.date && !problems.time) {
    const at = new Date(wallTimeToInstant({ date: values.date, time: values.time }, timeZone)).getTime();
    if (at > now.getTime() + FUTURE_SLACK_MS) problems.date = { kind: 'future' };
  }
  if (!isContactType(values.contactType)) problems.contactType = { kind: 'required' };
  if (values.description.trim() === '') problems.description = { kind: 'required' };
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    if (values[field as TextFieldName].trim().length > max) problems[field] = { kind: 'tooLong', max };
  }
  if (values.policeDate !== '' && !isLocalDate(values.policeDate)) problems.policeDate = { kind: 'invalidDate' };
  for (const { index, item } of filledEvidence(values)) {
    const description = item.description.trim();
    const keptWhere = item.keptWhere.trim();
    if (description === '') problems[`evidence.${index}.description`] = { kind: 'required' };
    else if (description.length > INCIDENT_LIMITS.evidenceDescription)
      problems[`evidence.${index}.description`] = { kind: 'tooLong', max: INCIDENT_LIMITS.evidenceDescription };
    if (keptWhere === '') problems[`evidence.${index}.keptWhere`] = { kind: 'required' };
    else if (keptWhere.length > INCIDENT_LIMITS.evidenceKeptWhere)
      problems[`evidence.${index}.keptWhere`] = { kind: 'tooLong', max: INCIDENT_LIMITS.evidenceKeptWhere };
  }
  return problems;
}

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function childrenPresent(answer: ChildrenAnswer): boolean | null {
  return answer === 'unsaid' ? null : answer === 'yes';
}

function evidenceOf(values: IncidentFormValues): { description: string; keptWhere: string }[] {
  return filledEvidence(values).map(({ item }) => ({
    description: item.description.trim(),
    keptWhere: item.keptWhere.trim(),
  }));
}

function policeOf(values: IncidentFormValues): CreateIncidentDto['police'] {
  const report = {
    journalNumber: optionalText(values.journalNumber),
    officer: optionalText(values.officer),
    date: optionalText(values.policeDate),
  };
  return report.journalNumber === null && report.officer === null && report.date === null ? null : report;
}

function privateOf(values: IncidentFormValues): CreateIncidentDto['private'] {
  const layer = { thoughts: optionalText(values.thoughts), safetyNotes: optionalText(values.safetyNotes) };
  return layer.thoughts === null && layer.safetyNotes === null ? null : layer;
}

function assertValid(values: IncidentFormValues): IncidentContactType {
  if (!isContactType(values.contactType)) throw new Error('validate the form before turning it into a request');
  return values.contactType;
}

/** A new entry: only what was filled in is sent; the private layer only when written. */
export function toCreateRequest(values: IncidentFormValues, timeZone: string = LOG_TIME_ZONE): CreateIncidentDto {
  const request: CreateIncidentDto = {
    occurredAt: wallTimeToInstant({ date: values.date, time: values.time }, timeZone),
    occurredAtApprox: values.approx,
    contactType: assertValid(values),
    description: values.description.trim(),
    keyExample: values.keyExample,
  };
  const place = optionalText(values.place);
  if (place !== null) request.place = place;
  const witnesses = optionalText(values.witnesses);
  if (witnesses !== null) request.witnesses = witnesses;
  const children = childrenPresent(values.children);
  if (children !== null) request.childrenPresent = children;
  const evidence = evidenceOf(values);
  if (evidence.length > 0) request.evidence = evidence;
  const police = policeOf(values);
  if (police) request.police = police;
  const effect = optionalText(values.effect);
  if (effect !== null) request.effect = effect;
  const layer = privateOf(values);
  if (layer) request.private = layer;
  return request;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * An edit sends only what changed (`null` clears a field), so an unchanged time keeps its
 * seconds and an unchanged entry makes no new version. Empty when nothing changed.
 */
export function toUpdateRequest(
  values: IncidentFormValues,
  initial: IncidentFormValues,
  timeZone: string = LOG_TIME_ZONE,
): UpdateIncidentDto {
  const request: UpdateIncidentDto = {};
  if (values.date !== initial.date || values.time !== initial.time)
    request.occurredAt = wallTimeToInstant({ date: values.date, time: values.time }, timeZone);
  if (values.approx !== initial.approx) request.occurredAtApprox = values.approx;
  const contactType = assertValid(values);
  if (contactType !== initial.contactType) request.contactType = contactType;
  if (values.description.trim() !== initial.description.trim()) request.description = values.description.trim();
  for (const field of ['place', 'witnesses', 'effect'] as const) {
    if (optionalText(values[field]) !== optionalText(initial[field])) request[field] = optionalText(values[field]);
  }
  if (values.children !== initial.children) request.childrenPresent = childrenPresent(values.children);
  const evidence = evidenceOf(values);
  if (!same(evidence, evidenceOf(initial))) request.evidence = evidence;
  const police = policeOf(values);
  if (!same(police, policeOf(initial))) request.police = police;
  const layer = privateOf(values);
  if (!same(layer, privateOf(initial))) request.private = layer;
  if (values.keyExample !== initial.keyExample) request.keyExample = values.keyExample;
  return request;
}
