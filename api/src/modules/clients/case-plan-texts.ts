import type { ClientStatus, Locale, RiskLevel, ScreeningInstrument, TaskOwner, TaskStatus } from '@tryg/shared';

/**
 * The action plan PDF's words. The page header says only "Handleplan"/"Action plan" and the page:
 * a printout left on a table or a screen seen over a shoulder gives nothing away.
 */
export interface PlanTexts {
  intlLocale: string;
  header: (page: number, pages: number) => string;
  title: string;
  reference: string;
  printed: string;
  status: string;
  statuses: Record<ClientStatus, string>;
  primary: string;
  standIns: string;
  noName: string;
  nextReview: string;
  none: string;
  screening: string;
  noScreening: string;
  screeningLine: (instrument: string, date: string, risk: string) => string;
  rescreenBy: (date: string) => string;
  earlier: string;
  risk: Record<RiskLevel, string>;
  instruments: Record<ScreeningInstrument, string>;
  tasks: string;
  noTasks: string;
  owners: Record<TaskOwner, string>;
  ownerName: string;
  due: string;
  taskStatus: string;
  taskStatuses: Record<TaskStatus, string>;
  note: string;
  unreadable: string;
}

const da: PlanTexts = {
  intlLocale: 'da-DK',
  header: (page, pages) => `Handleplan · side ${page} af ${pages}`,
  title: 'Handleplan',
  reference: 'Reference',
  printed: 'Udskrevet',
  status: 'Sagens status',
  statuses: { active: 'Aktiv', closed: 'Afsluttet' },
  primary: 'Primær koordinator',
  standIns: 'Stedfortrædere',
  noName: '(uden navn)',
  nextReview: 'Næste opfølgning',
  none: 'Ingen',
  screening: 'Screening',
  noScreening: 'Der er ingen screeninger endnu.',
  screeningLine: (instrument, date, risk) => `${instrument}, ${date}: ${risk}`,
  rescreenBy: (date) => `Ny screening senest ${date}.`,
  earlier: 'Tidligere screeninger',
  risk: { standard: 'standardrisiko', medium: 'middel risiko', high: 'høj risiko' },
  instruments: { 'S-DASH': 'S-DASH', SASH: 'SASH', other: 'Andet redskab' },
  tasks: 'Opgaver',
  noTasks: 'Der er ingen opgaver i planen endnu.',
  owners: {
    municipality: 'Kommunen',
    police: 'Politiet',
    dsc: 'Dansk Stalking Center',
    health: 'Sundhed',
    other: 'Andre',
  },
  ownerName: 'Ansvarlig',
  due: 'Frist',
  taskStatus: 'Status',
  taskStatuses: { open: 'Ikke startet', doing: 'I gang', done: 'Udført', dropped: 'Opgivet' },
  note: 'Note',
  unreadable: '(kan ikke læses)',
};

const en: PlanTexts = {
  intlLocale: 'en-GB',
  header: (page, pages) => `Action plan · page ${page} of ${pages}`,
  title: 'Action plan',
  reference: 'Reference',
  printed: 'Printed',
  status: 'Case status',
  statuses: { active: 'Active', closed: 'Closed' },
  primary: 'Primary coordinator',
  standIns: 'Stand-ins',
  noName: '(no name)',
  nextReview: 'Next review',
  none: 'None',
  screening: 'Screening',
  noScreening: 'There are no screenings yet.',
  screeningLine: (instrument, date, risk) => `${instrument}, ${date}: ${risk}`,
  rescreenBy: (date) => `Screen again by ${date}.`,
  earlier: 'Earlier screenings',
  risk: { standard: 'standard risk', medium: 'medium risk', high: 'high risk' },
  instruments: { 'S-DASH': 'S-DASH', SASH: 'SASH', other: 'Other tool' },
  tasks: 'Tasks',
  noTasks: 'There are no tasks in the plan yet.',
  owners: {
    municipality: 'The municipality',
    police: 'The police',
    dsc: 'Dansk Stalking Center',
    health: 'Health',
    other: 'Others',
  },
  ownerName: 'Responsible',
  due: 'Due',
  taskStatus: 'Status',
  taskStatuses: { open: 'Not started', doing: 'In progress', done: 'Done', dropped: 'Dropped' },
  note: 'Note',
  unreadable: '(cannot be read)',
};

export function planTexts(locale: Locale): PlanTexts {
  return locale === 'en' ? en : da;
}

/** A local date `YYYY-MM-DD` in words: `24. marts 2026` / `24 March 2026`. */
export function formatPlanDate(date: string, texts: PlanTexts): string {
  return new Intl.DateTimeFormat(texts.intlLocale, { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}
