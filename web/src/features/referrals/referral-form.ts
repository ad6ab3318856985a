import type { CreateReferralDto, ReferralStatus } from '@tryg/shared';

/** The CONTRACT's limits for a referral (the server checks again). */
export const REFERRAL_LIMITS = {
  clientReference: 200,
  note: 4000,
  keepApartEntries: 10,
  keepApartEntry: 200,
  expiresInDays: { min: 1, max: 30, default: 14 },
} as const;

export interface ReferralFormValues {
  groupId: string;
  clientReference: string;
  note: string;
  /** One person per line. */
  keepApart: string;
  expiresInDays: string;
}

export const EMPTY_REFERRAL_FORM: ReferralFormValues = {
  groupId: '',
  clientReference: '',
  note: '',
  keepApart: '',
  expiresInDays: String(REFERRAL_LIMITS.expiresInDays.default),
};

export type ReferralProblem =
  | { field: 'groupId'; kind: 'required' }
  | { field: 'clientReference'; kind: 'tooLong'; max: number }
  | { field: 'note'; kind: 'tooLong'; max: number }
  | { field: 'keepApart'; kind: 'tooMany'; max: number }
  | { field: 'keepApart'; kind: 'entryTooLong'; max: number; line: number }
  | { field: 'expiresInDays'; kind: 'range'; min: number; max: number };

function length(text: string): number {
  return [...text].length;
}

/**
 * The keep-apart list as typed: one person per line, blank lines ignored, the same entry only
 * once (ignoring case and surrounding spaces). The server folds accents and spacing itself.
 */
export function parseKeepApart(text: string): string[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry === '' || seen.has(entry.toLowerCase())) continue;
    seen.add(entry.toLowerCase());
    entries.push(entry);
  }
  return entries;
}

export function parseExpiryDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  const { min, max } = REFERRAL_LIMITS.expiresInDays;
  return days >= min && days <= max ? days : null;
}

export function referralProblems(values: ReferralFormValues): ReferralProblem[] {
  const problems: ReferralProblem[] = [];
  if (values.groupId === '') problems.push({ field: 'groupId', kind: 'required' });
  if (length(values.clientReference.trim()) > REFERRAL_LIMITS.clientReference) {
    problems.push({ field: 'clientReference', kind: 'tooLong', max: REFERRAL_LIMITS.clientReference });
  }
  if (length(values.note.trim()) > REFERRAL_LIMITS.note) {
    problems.push({ field: 'note', kind: 'tooLong', max: REFERRAL_LIMITS.note });
  }
  const keepApart = parseKeepApart(values.keepApart);
  if (keepApart.length > REFERRAL_LIMITS.keepApartEntries) {
    problems.push({ field: 'keepApart', kind: 'tooMany', max: REFERRAL_LIMITS.keepApartEntries });
  }
  const longIndex = keepApart.findIndex((entry) => length(entry) > REFERRAL_LIMITS.keepApartEntry);
  if (longIndex >= 0) {
    problems.push({
      field: 'keepApart',
      kind: 'entryTooLong',
      max: REFERRAL_LIMITS.keepApartEntry,
      line: longIndex + 1,
    });
  }
  if (parseExpiryDays(values.expiresInDays) === null) {
    const { min, max } = REFERRAL_LIMITS.expiresInDays;
    problems.push({ field: 'expiresInDays', kind: 'range', min, max });
  }
  return problems;
}

/** The request body; empty optional fields are left out rather than sent empty. Call when there are no problems. */
export function toIssueReferralBody(values: ReferralFormValues): CreateReferralDto {
  const clientReference = values.clientReference.trim();
  const note = values.note.trim();
  const keepApart = parseKeepApart(values.keepApart);
  return {
    groupId: values.groupId,
    ...(clientReference ? { clientReference } : {}),
    ...(note ? { noteForFacilitator: note } : {}),
    ...(keepApart.length > 0 ? { keepApart } : {}),
    expiresInDays: parseExpiryDays(values.expiresInDays) ?? REFERRAL_LIMITS.expiresInDays.default,
  };
}

/** Only an unused code that has not expired can be withdrawn (the API answers 409 otherwise). */
export function canRevoke(status: ReferralStatus): boolean {
  return status === 'issued';
}
