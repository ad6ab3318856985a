import type { IncidentEntry, IncidentVerification } from '@tryg/shared';
import type { ExportTexts } from './export-texts';

/** Everything an export shows, prepared once for the PDF and the CSV. */
export interface LogExport {
  /** Newest first (by when it happened). */
  entries: IncidentEntry[];
  /** Incident numbers in the order things happened (1 = the earliest), as the police refer to them. */
  numbers: Map<string, number>;
  verification: IncidentVerification;
  /** The head of the chain (null for an empty log). */
  finalHash: string | null;
  /** Entries that could not be decrypted (shown as a count; the check says where). */
  unreadable: number;
  includePrivate: boolean;
  generatedAt: Date;
  texts: ExportTexts;
}

export function numberEntries(entries: IncidentEntry[]): Map<string, number> {
  const oldestFirst = [...entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
  return new Map(oldestFirst.map((entry, index) => [entry.id, index + 1]));
}

/** Where the chain broke, in words: the incident's number when it is still in the log. */
export function verificationText(data: LogExport): string {
  const { verification, texts, numbers } = data;
  if (verification.intact) return texts.intact(verification.versions);
  const at = verification.brokenAt;
  if (!at) return texts.broken('?');
  const number = numbers.get(at.entryId);
  return texts.broken(texts.brokenWhere(number ? texts.incidentNo(number) : at.entryId, at.version));
}
