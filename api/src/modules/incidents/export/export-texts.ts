import type { IncidentAttachmentType, IncidentContactType, Locale } from '@tryg/shared';

/** Exports are read by the police: Danish time, plain words, in the person's language. */
export const LOG_TIME_ZONE = 'Europe/Copenhagen';

export interface ExportTexts {
  intlLocale: string;
  title: string;
  printed: string;
  timeNote: string;
  incidentCount: (n: number) => string;
  includesPrivate: string;
  unreadable: (n: number) => string;
  keyExamples: string;
  noKeyExamples: string;
  incidents: string;
  noIncidents: string;
  incidentNo: (n: number) => string;
  occurredAt: string;
  approx: string;
  written: string;
  lastChanged: string;
  changed: (at: string, version: number) => string;
  contactType: string;
  place: string;
  description: string;
  witnesses: string;
  childrenPresent: string;
  yes: string;
  no: string;
  evidence: string;
  keptWhere: string;
  police: string;
  journalNumber: string;
  officer: string;
  policeDate: string;
  effect: string;
  keyExample: string;
  attachments: string;
  thoughts: string;
  safetyNotes: string;
  hash: string;
  version: string;
  number: string;
  bilagList: string;
  noBilag: string;
  bilag: (n: number) => string;
  fileKind: Record<IncidentAttachmentType, string>;
  check: string;
  result: string;
  finalHash: string;
  noChain: string;
  intact: (versions: number) => string;
  broken: (where: string) => string;
  brokenWhere: (incident: string, version: number) => string;
  page: (i: number, n: number) => string;
  contactTypes: Record<IncidentContactType, string>;
}

const da: ExportTexts = {
  intlLocale: 'da-DK',
  title: 'Logskema',
  printed: 'Udskrevet',
  timeNote: 'Alle tider er dansk tid.',
  incidentCount: (n) => (n === 1 ? '1 hændelse' : `${n} hændelser`),
  includesPrivate: 'Indeholder private noter.',
  unreadable: (n) => (n === 1 ? '1 hændelse kunne ikke læses.' : `${n} hændelser kunne ikke læses.`),
  keyExamples: 'Nøgleeksempler',
  noKeyExamples: 'Ingen hændelser er markeret som nøgleeksempel.',
  incidents: 'Hændelser (nyeste først)',
  noIncidents: 'Der er ingen hændelser i loggen.',
  incidentNo: (n) => `Hændelse ${n}`,
  occurredAt: 'Tidspunkt',
  approx: 'ca.',
  written: 'Skrevet',
  lastChanged: 'Senest ændret',
  changed: (at, version) => `senest ændret ${at} (version ${version})`,
  contactType: 'Type kontakt',
  place: 'Sted',
  description: 'Hvad skete der',
  witnesses: 'Vidner',
  childrenPresent: 'Børn til stede',
  yes: 'Ja',
  no: 'Nej',
  evidence: 'Beviser',
  keptWhere: 'opbevares',
  police: 'Politianmeldelse',
  journalNumber: 'journalnr.',
  officer: 'betjent',
  policeDate: 'dato',
  effect: 'Betydning for mig',
  keyExample: 'Nøgleeksempel',
  attachments: 'Bilag',
  thoughts: 'Private tanker',
  safetyNotes: 'Sikkerhedsnoter',
  hash: 'Hash',
  version: 'Version',
  number: 'Nr.',
  bilagList: 'Bilagsliste',
  noBilag: 'Ingen bilag.',
  bilag: (n) => `Bilag ${n}`,
  fileKind: {
    'image/jpeg': 'billede (JPEG)',
    'image/png': 'billede (PNG)',
    'image/gif': 'billede (GIF)',
    'image/webp': 'billede (WebP)',
    'image/heic': 'billede (HEIC)',
    'application/pdf': 'dokument (PDF)',
  },
  check: 'Kontrol af loggen',
  result: 'Resultat',
  finalHash: 'Kædens sidste hash',
  noChain: 'ingen (loggen er tom)',
  intact: (versions) => `Intakt: alle ${versions} versioner hænger sammen og er uændrede.`,
  broken: (where) => `Ikke intakt: kæden er brudt ved ${where}.`,
  brokenWhere: (incident, version) => `${incident}, version ${version}`,
  page: (i, n) => `Side ${i} af ${n}`,
  contactTypes: {
    call: 'Opkald',
    sms: 'SMS',
    email: 'E-mail',
    'social-media': 'Sociale medier',
    'letter-or-gift': 'Brev eller gave',
    following: 'Forfølgelse eller overvågning',
    'showing-up': 'Dukkede op',
    'through-others': 'Kontakt gennem andre',
    damage: 'Skade på ejendele',
    threat: 'Trusler',
    other: 'Andet',
  },
};

const en: ExportTexts = {
  intlLocale: 'en-GB',
  title: 'Incident log',
  printed: 'Printed',
  timeNote: 'All times are Danish time (Europe/Copenhagen).',
  incidentCount: (n) => (n === 1 ? '1 incident' : `${n} incidents`),
  includesPrivate: 'Includes private notes.',
  unreadable: (n) => (n === 1 ? '1 incident could not be read.' : `${n} incidents could not be read.`),
  keyExamples: 'Key examples',
  noKeyExamples: 'No incidents are marked as key examples.',
  incidents: 'Incidents (newest first)',
  noIncidents: 'The log holds no incidents.',
  incidentNo: (n) => `Incident ${n}`,
  occurredAt: 'When',
  approx: 'approx.',
  written: 'Written',
  lastChanged: 'Last changed',
  changed: (at, version) => `last changed ${at} (version ${version})`,
  contactType: 'Type of contact',
  place: 'Where',
  description: 'What happened',
  witnesses: 'Witnesses',
  childrenPresent: 'Children present',
  yes: 'Yes',
  no: 'No',
  evidence: 'Evidence',
  keptWhere: 'kept',
  police: 'Police report',
  journalNumber: 'case no.',
  officer: 'officer',
  policeDate: 'date',
  effect: 'Effect on me',
  keyExample: 'Key example',
  attachments: 'Attachments',
  thoughts: 'Private thoughts',
  safetyNotes: 'Safety notes',
  hash: 'Hash',
  version: 'Version',
  number: 'No.',
  bilagList: 'List of attachments',
  noBilag: 'No attachments.',
  bilag: (n) => `Attachment ${n}`,
  fileKind: {
    'image/jpeg': 'image (JPEG)',
    'image/png': 'image (PNG)',
    'image/gif': 'image (GIF)',
    'image/webp': 'image (WebP)',
    'image/heic': 'image (HEIC)',
    'application/pdf': 'document (PDF)',
  },
  check: 'Log check',
  result: 'Result',
  finalHash: "The chain's final hash",
  noChain: 'none (the log is empty)',
  intact: (versions) => `Intact: all ${versions} versions link up and are unchanged.`,
  broken: (where) => `Not intact: the chain breaks at ${where}.`,
  brokenWhere: (incident, version) => `${incident}, version ${version}`,
  page: (i, n) => `Page ${i} of ${n}`,
  contactTypes: {
    call: 'Phone call',
    sms: 'Text message',
    email: 'Email',
    'social-media': 'Social media',
    'letter-or-gift': 'Letter or gift',
    following: 'Following or watching',
    'showing-up': 'Showing up',
    'through-others': 'Contact through others',
    damage: 'Damage to property',
    threat: 'Threats',
    other: 'Other',
  },
};

export function exportTexts(locale: Locale): ExportTexts {
  return locale === 'en' ? en : da;
}

/** `24. marts 2026 kl. 18.00` / `24 March 2026 at 18:00`, in Danish time. */
export function formatInstant(instant: string, texts: ExportTexts): string {
  return new Intl.DateTimeFormat(texts.intlLocale, {
    timeZone: LOG_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(instant));
}

/** A local date `YYYY-MM-DD` in words. */
export function formatLocalDate(date: string, texts: ExportTexts): string {
  return new Intl.DateTimeFormat(texts.intlLocale, { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}

/** `2026-03-24 18:00` in Danish time: sortable in a spreadsheet. */
export function formatInstantCompact(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: LOG_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Today's date in Danish time, for neutral file names (`log-2026-11-25.pdf`). */
export function localDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: LOG_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function formatSize(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024))} kB`;
}
