/**
 * Referral codes are base32 without look-alikes (no 0/O, 1/I), 5 groups of 4 (the API's
 * `readableCode`). Shown in groups so a person can read them aloud or copy them from paper.
 */
export const READABLE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const READABLE_CODE_GROUP_SIZE = 4;

/** What a person typed → the canonical characters: upper case, spaces and hyphens dropped. */
export function normalizeReadableCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-‐-―]/g, '');
}

/** The code in groups of four, e.g. `ABCD-EFGH-…` → `['ABCD', 'EFGH', …]`. */
export function readableCodeGroups(code: string): string[] {
  const chars = normalizeReadableCode(code);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += READABLE_CODE_GROUP_SIZE) {
    groups.push(chars.slice(i, i + READABLE_CODE_GROUP_SIZE));
  }
  return groups;
}

/** The code as people read it: groups of four separated by a space (or another separator). */
export function formatReadableCode(code: string, separator = ' '): string {
  return readableCodeGroups(code).join(separator);
}

/** Characters that cannot be part of a code (look-alikes such as O or 1, or anything else). */
export function foreignCodeCharacters(input: string): string[] {
  const seen = new Set<string>();
  for (const char of normalizeReadableCode(input)) {
    if (!READABLE_CODE_ALPHABET.includes(char)) seen.add(char);
  }
  return [...seen];
}
