/**
 * The incident log (logskema): response shapes and the values both sides agree on.
 * Request DTO classes live in `dto/incidents.dto.ts` (not in the browser bundle).
 */

/** Type of contact, after the Dansk Stalking Center logskema and published stalking-log templates. */
export const INCIDENT_CONTACT_TYPES = [
  'call',
  'sms',
  'email',
  'social-media',
  'letter-or-gift',
  'following',
  'showing-up',
  'through-others',
  'damage',
  'threat',
  'other',
] as const;
export type IncidentContactType = (typeof INCIDENT_CONTACT_TYPES)[number];

export const INCIDENT_EXPORT_FORMATS = ['pdf', 'csv'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];

/** Text limits (characters) for the entry's fields. */
export const INCIDENT_LIMITS = {
  place: 500,
  description: 10_000,
  witnesses: 2_000,
  evidenceItems: 50,
  evidenceDescription: 1_000,
  evidenceKeptWhere: 500,
  journalNumber: 100,
  officer: 200,
  effect: 5_000,
  thoughts: 10_000,
  safetyNotes: 5_000,
} as const;

/** Attachments: one file per request on its own route, checked by content. */
export const INCIDENT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const INCIDENT_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type IncidentAttachmentType = (typeof INCIDENT_ATTACHMENT_TYPES)[number];

export interface IncidentEvidence {
  description: string;
  keptWhere: string;
}

export interface IncidentPoliceReport {
  journalNumber: string | null;
  officer: string | null;
  /** Local date `YYYY-MM-DD`. */
  date: string | null;
}

/** Never exported unless the person asks for it. */
export interface IncidentPrivateLayer {
  thoughts: string | null;
  safetyNotes: string | null;
}

/** `bilag` numbers run per log (1, 2, … across all entries, never reused), so a number stays unique in an export. */
export interface IncidentAttachment {
  id: string;
  bilag: number;
  mimeType: IncidentAttachmentType;
  size: number;
}

export interface IncidentEntry {
  id: string;
  /** The entry's version: 1 when written, +1 for each edit or attachment. */
  version: number;
  /** When the server received this version (ISO-8601 UTC). */
  recordedAt: string;
  /** When the server received version 1: tells entries written at the time from ones written later. */
  firstRecordedAt: string;
  /** The chain hash of this version (hex). */
  hash: string;
  occurredAt: string;
  occurredAtApprox: boolean;
  place: string | null;
  contactType: IncidentContactType;
  description: string;
  witnesses: string | null;
  /** null: not said. */
  childrenPresent: boolean | null;
  evidence: IncidentEvidence[];
  police: IncidentPoliceReport | null;
  effect: string | null;
  private: IncidentPrivateLayer | null;
  keyExample: boolean;
  attachments: IncidentAttachment[];
}

export interface IncidentVerification {
  intact: boolean;
  /** How many versions the chain holds (deleted entries keep theirs, as digests). */
  versions: number;
  brokenAt: null | { entryId: string; version: number };
}

/** The pattern view: incidents per ISO week (Europe/Copenhagen) and per type of contact. */
export interface IncidentStats {
  total: number;
  /** Every week from the first incident's to the last one's, empty weeks included, oldest first. */
  weeks: { week: string; startsOn: string; count: number }[];
  /** Every contact type, in the order of INCIDENT_CONTACT_TYPES. */
  contactTypes: { contactType: IncidentContactType; count: number }[];
}
