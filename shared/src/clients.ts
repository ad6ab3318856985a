import type { Referral } from './groups';

/**
 * Case work (CONTRACT "Case work for coordinators"): a coordinator's protected record per client,
 * the action plan across municipality, police and Dansk Stalking Center, and the screenings.
 */
export const CLIENT_STATUSES = ['active', 'closed'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const TASK_OWNERS = ['municipality', 'police', 'dsc', 'health', 'other'] as const;
export type TaskOwner = (typeof TASK_OWNERS)[number];

export const TASK_STATUSES = ['open', 'doing', 'done', 'dropped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** A task still to do: it can be overdue and its due date reminds. */
export const UNFINISHED_TASK_STATUSES: readonly TaskStatus[] = ['open', 'doing'];

export const SCREENING_INSTRUMENTS = ['S-DASH', 'SASH', 'other'] as const;
export type ScreeningInstrument = (typeof SCREENING_INSTRUMENTS)[number];

export const SCREENING_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

export const RISK_LEVELS = ['standard', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CASE_ROLES = ['primary', 'stand-in'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CLIENT_LIMITS = {
  referenceMax: 200,
  titleMax: 200,
  ownerNameMax: 120,
  noteMax: 4000,
  /** Answers per screening; item keys are item numbers such as `7` or `12b`. */
  answersMax: 60,
  itemKeyPattern: /^[1-9]\d{0,2}[a-z]?$/,
  rescreenDays: 90,
  rescreenDaysHigh: 30,
  /** 409s for a taken reference per coordinator per hour before further creates get 429. */
  takenReferencePerHour: 20,
} as const;

/**
 * The instruments' wording belongs to their publishers: Tryg shows item numbers and links to the
 * official form. `items` is only the form's suggested number of rows; the coordinator can change it.
 */
export const SCREENING_FORMS: Record<ScreeningInstrument, { items: number; formUrl: string | null }> = {
  'S-DASH': { items: 11, formUrl: 'https://www.dashriskchecklist.co.uk/' },
  // 13 questions for every case, 3 more when the stalker is a former partner.
  SASH: { items: 16, formUrl: 'https://www.stalkingriskprofile.com/stalking-risk-profile/sash' },
  other: { items: 10, formUrl: null },
};

/** `YYYY-MM-DD` plus whole days, on the calendar (no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** When to screen again unless the screener says otherwise: 90 days, 30 when the risk is high. */
export function defaultRescreenOn(screenedOn: string, riskLevel: RiskLevel): string {
  return addCalendarDays(
    screenedOn,
    riskLevel === 'high' ? CLIENT_LIMITS.rescreenDaysHigh : CLIENT_LIMITS.rescreenDays,
  );
}

export interface CaseCoordinator {
  accountId: string;
  /** Null when the staff account has no display name. */
  displayName: string | null;
  role: CaseRole;
  /** When they joined the case: the longest-standing stand-in takes over from a primary who left. */
  since: string;
}

export interface CaseTask {
  id: string;
  /** Null only when the stored text no longer decrypts (moved or changed in the database). */
  title: string | null;
  owner: TaskOwner;
  ownerName: string | null;
  dueOn: string | null;
  status: TaskStatus;
  note: string | null;
  /** Unfinished and due before today (Danish time). */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Screening {
  id: string;
  instrument: ScreeningInstrument;
  screenedOn: string;
  answers: Record<string, ScreeningAnswer>;
  riskLevel: RiskLevel;
  note: string | null;
  rescreenOn: string;
  /** Null when the screener's account was deleted or has no display name. */
  screenerDisplayName: string | null;
  createdAt: string;
}

/** The latest screening, as the list and the case header show it (no answers). */
export interface ScreeningSummary {
  id: string;
  instrument: ScreeningInstrument;
  screenedOn: string;
  riskLevel: RiskLevel;
  rescreenOn: string;
}

export interface ClientCase {
  id: string;
  /** Null only when the stored reference no longer decrypts. */
  reference: string | null;
  status: ClientStatus;
  primary: { accountId: string; displayName: string | null };
  /** Everyone on the case: the primary first, then the stand-ins, longest-standing first. */
  coordinators: CaseCoordinator[];
  nextReviewOn: string | null;
  /** Active, with a review date today or earlier. */
  reviewDue: boolean;
  /** Active, and the latest screening's re-screen date is today or earlier. */
  rescreenDue: boolean;
  overdueTasks: number;
  latestScreening: ScreeningSummary | null;
  /** Referrals with this client reference made by the case's coordinators. */
  referrals: Referral[];
  /** Ordered by due date (undated last), then by when they were written. */
  tasks: CaseTask[];
  /** The caller's place on the case. */
  myRole: CaseRole;
  closedAt: string | null;
  /** A closed case's deletion date (Danish date): CASE_RETENTION_DAYS after closing. */
  purgeOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CoordinatorItem {
  accountId: string;
  displayName: string | null;
}

export interface ReassignResult {
  /** How many cases changed hands; nothing of their content. */
  moved: number;
}

/** `GET /clients/:id/export`: the whole case, decrypted, for the coordinator to keep before deletion. */
export interface ClientExport {
  exportedAt: string;
  client: ClientCase;
  screenings: Screening[];
}
