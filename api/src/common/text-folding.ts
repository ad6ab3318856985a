/** Case- and accent-insensitive form: NFKD, combining marks removed, lower case. */
export function foldCaseAndAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The matching form of a person reference (a name, a CPR number): folded, then letters and
 * digits only, so "Jens Hansen", "jens  hansen" and "JENS-HANSEN" match, as do "010203-1234" and "0102031234".
 */
export function normalizeReference(text: string): string {
  return foldCaseAndAccents(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** A display name's uniqueness key within a group. */
export function displayNameKey(displayName: string): string {
  return foldCaseAndAccents(displayName.trim()).replace(/\s+/g, ' ');
}
