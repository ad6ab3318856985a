import {
  CLIENT_LIMITS,
  type CaseTask,
  type CreateClientDto,
  type CreateScreeningDto,
  type CreateTaskDto,
  type RiskLevel,
  SCREENING_FORMS,
  type ScreeningAnswer,
  type ScreeningInstrument,
  type TaskOwner,
  type TaskStatus,
  type UpdateTaskDto,
} from '@tryg/shared';
import { toLocalDateTime } from '../../lib/zoned-time';

/** Case work's dates are Danish dates, whatever the device's zone. */
export function caseToday(now: Date = new Date()): string {
  return toLocalDateTime(now, 'Europe/Copenhagen').date;
}

export type TextProblem = { kind: 'required' } | { kind: 'tooLong'; max: number };

function textProblem(value: string, max: number, required: boolean): TextProblem | null {
  const text = value.trim();
  if (required && text === '') return { kind: 'required' };
  return [...text].length > max ? { kind: 'tooLong', max } : null;
}

/** Optional text: trimmed; '' is "none" (absent on create, null on edit). */
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
const clearable = (value: string) => optional(value) ?? null;

export interface OpenCaseValues {
  reference: string;
  nextReviewOn: string;
}

export const EMPTY_OPEN_CASE: OpenCaseValues = { reference: '', nextReviewOn: '' };

export function referenceProblem(values: OpenCaseValues): TextProblem | null {
  return textProblem(values.reference, CLIENT_LIMITS.referenceMax, true);
}

export function toCreateClient(values: OpenCaseValues): CreateClientDto {
  return { reference: values.reference.trim(), ...(values.nextReviewOn ? { nextReviewOn: values.nextReviewOn } : {}) };
}

export interface TaskFormValues {
  title: string;
  owner: TaskOwner;
  ownerName: string;
  dueOn: string;
  status: TaskStatus;
  note: string;
}

export const EMPTY_TASK: TaskFormValues = {
  title: '',
  owner: 'municipality',
  ownerName: '',
  dueOn: '',
  status: 'open',
  note: '',
};

export function taskFormOf(task: CaseTask): TaskFormValues {
  return {
    title: task.title ?? '',
    owner: task.owner,
    ownerName: task.ownerName ?? '',
    dueOn: task.dueOn ?? '',
    status: task.status,
    note: task.note ?? '',
  };
}

export function taskProblems(values: TaskFormValues): Partial<Record<'title' | 'ownerName' | 'note', TextProblem>> {
  const found = {
    title: textProblem(values.title, CLIENT_LIMITS.titleMax, true),
    ownerName: textProblem(values.ownerName, CLIENT_LIMITS.ownerNameMax, false),
    note: textProblem(values.note, CLIENT_LIMITS.noteMax, false),
  };
  return Object.fromEntries(Object.entries(found).filter(([, problem]) => problem !== null));
}

export function toCreateTask(values: TaskFormValues): CreateTaskDto {
  return {
    title: values.title.trim(),
    owner: values.owner,
    ownerName: optional(values.ownerName),
    dueOn: values.dueOn || undefined,
    status: values.status,
    note: optional(values.note),
  };
}

/** An edit sends every field: an emptied one clears it. */
export function toUpdateTask(values: TaskFormValues): UpdateTaskDto {
  return {
    title: values.title.trim(),
    owner: values.owner,
    ownerName: clearable(values.ownerName),
    dueOn: values.dueOn || null,
    status: values.status,
    note: clearable(values.note),
  };
}

export interface ScreeningFormValues {
  instrument: ScreeningInstrument;
  screenedOn: string;
  /** As typed; the rows shown are 1…n when it is a valid number. */
  itemCount: string;
  /** Items not answered count as "unknown". */
  answers: Record<string, ScreeningAnswer>;
  riskLevel: RiskLevel;
  rescreenOn: string;
  note: string;
}

export function emptyScreening(today: string): ScreeningFormValues {
  return {
    instrument: 'S-DASH',
    screenedOn: today,
    itemCount: String(SCREENING_FORMS['S-DASH'].items),
    answers: {},
    riskLevel: 'standard',
    rescreenOn: '',
    note: '',
  };
}

export function itemNumbers(itemCount: string): string[] {
  const n = /^\d{1,2}$/.test(itemCount.trim()) ? Number(itemCount) : 0;
  return n >= 1 && n <= CLIENT_LIMITS.answersMax ? Array.from({ length: n }, (_, i) => String(i + 1)) : [];
}

export type ScreeningProblem = 'items' | 'date' | 'future' | 'rescreen';
export type ScreeningProblems = Partial<Record<'itemCount' | 'screenedOn' | 'rescreenOn', ScreeningProblem>>;

/** Problems as i18n keys under `clients.screening.problems` (the server checks again). */
export function screeningProblems(values: ScreeningFormValues, today: string): ScreeningProblems {
  const problems: ScreeningProblems = {};
  if (itemNumbers(values.itemCount).length === 0) problems.itemCount = 'items';
  if (!values.screenedOn) problems.screenedOn = 'date';
  else if (values.screenedOn > today) problems.screenedOn = 'future';
  if (values.rescreenOn && values.screenedOn && values.rescreenOn <= values.screenedOn)
    problems.rescreenOn = 'rescreen';
  return problems;
}

export function toCreateScreening(values: ScreeningFormValues): CreateScreeningDto {
  const answers = Object.fromEntries(
    itemNumbers(values.itemCount).map((item) => [item, values.answers[item] ?? 'unknown']),
  );
  return {
    instrument: values.instrument,
    screenedOn: values.screenedOn,
    answers,
    riskLevel: values.riskLevel,
    note: optional(values.note),
    rescreenOn: values.rescreenOn || undefined,
  };
}

export function answerCounts(answers: Record<string, ScreeningAnswer>): Record<ScreeningAnswer, number> {
  const counts: Record<ScreeningAnswer, number> = { yes: 0, no: 0, unknown: 0 };
  for (const answer of Object.values(answers)) counts[answer] += 1;
  return counts;
}
