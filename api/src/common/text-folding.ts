import { compactName, foldCaseAndAccents } from '@tryg/shared';

/**
 * The matching form of a person reference (a name, a CPR number): folded, then letters and
 * digits only, so "Jens Hansen", "jens  hansen" and "JENS-HANSEN" match, as do "010203-1234" and "0102031234".
 */
export function normalizeReference(text: string): string {
  return compactName(foldCaseAndAccents(text));
}
