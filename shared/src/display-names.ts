import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN } from './http-contract';

/**
 * The display-name rules (CONTRACT "Who may listen"), pure so the API refuses and the web warns
 * by the same code. A name must not be able to pass for staff or for another member: one
 * script, no invisible or direction-changing characters, no staff words for participants.
 */

/** Words a participant's name may not be, begin or end with (folded); staff may use them. */
export const STAFF_WORDS = [
  'facilitator',
  'facilitatorer',
  'moderator',
  'admin',
  'administrator',
  'ordstyrer',
  'koordinator',
  'coordinator',
  'tryg',
  'support',
  'staff',
  'personale',
] as const;

export type DisplayNameProblem = 'length' | 'characters' | 'shape' | 'scripts' | 'staffWord';

/** Turns a name into comparison keys; two names clash when their key sets meet. */
export type DisplayNameKeyer = (name: string) => string[];

/**
 * What a person typed → the name as stored: NFC, the typographic apostrophe (phones type ’)
 * as `'`, runs of spaces as one, spaces trimmed. Nothing else is changed: a tab, a newline or an
 * invisible character is refused, not quietly dropped.
 */
export function normalizeDisplayName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\u2019/g, "'")
    .replace(/ {2,}/g, ' ')
    .replace(/^ +| +$/g, '');
}

/** Letters, marks, digits, the space and `.'-`: no control, format (zero-width, bidi), private-use or symbol. */
const ALLOWED = /^[\p{L}\p{M}\p{Nd} .'-]+$/u;
/** More marks than this on one letter is "Zalgo" text that spills over the lines around it. */
const MAX_MARKS_IN_A_ROW = 3;

/**
 * One writing system per name. Japanese, Korean and Chinese names mix scripts by nature, so these
 * sets count as one (as UTS #39's "highly restrictive" level allows). Characters of no script
 * (digits 0–9, combining accents) fit any.
 */
const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Mongolian',
  'Ethiopic',
  'Cherokee',
  'Canadian_Aboriginal',
  'Tifinagh',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
] as const;
type Script = (typeof SCRIPTS)[number];
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const ONE_WRITING_SYSTEM: readonly (readonly Script[])[] = [
  ['Han', 'Hiragana', 'Katakana'],
  ['Han', 'Hangul'],
  ['Han', 'Bopomofo'],
];

/** The scripts a name's letters, marks and digits are written in; null for one outside the list. */
function scriptsOf(name: string): Set<Script> | null {
  const found = new Set<Script>();
  for (const char of name) {
    if (NEUTRAL.test(char)) continue;
    const match = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char));
    if (!match) return null;
    found.add(match[0]);
  }
  return found;
}

function isOneWritingSystem(scripts: ReadonlySet<Script>): boolean {
  if (scripts.size <= 1) return true;
  return ONE_WRITING_SYSTEM.some((system) => [...scripts].every((script) => system.includes(script)));
}

function hasTooManyMarks(name: string): boolean {
  return new RegExp(`\\p{M}{${MAX_MARKS_IN_A_ROW + 1}}`, 'u').test(name.normalize('NFD'));
}

/** Case- and accent-insensitive form: NFKD, combining marks removed, lower case. */
export function foldCaseAndAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters and digits only, so "Anna K", "Anna-K" and "Anna.K" are one name. */
export function compactName(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The key without a look-alike table (the browser's): folded and compacted. */
export const foldedKeys: DisplayNameKeyer = (name) => [compactName(foldCaseAndAccents(name))];

/** For staff words only: i and l (and I, 1, | that the skeleton makes l) are one letter. */
function loose(key: string): string {
  return key.replace(/i/g, 'l');
}

/** Whether a participant's name is, or begins or ends with, a staff word under these keys. */
export function hasStaffWord(name: string, keys: DisplayNameKeyer): boolean {
  const nameKeys = keys(name).map(loose);
  const wordKeys = STAFF_WORDS.flatMap((word) => keys(word).map(loose));
  return nameKeys.some((key) => wordKeys.some((word) => key.startsWith(word) || key.endsWith(word)));
}

/** Whether a name would give the login (and so the account) away: they share a key. */
export function nameMatchesLogin(displayName: string, login: string, keys: DisplayNameKeyer = foldedKeys): boolean {
  if (login.trim() === '') return false;
  const loginKeys = keys(login);
  return keys(displayName).some((key) => loginKeys.includes(key));
}

/**
 * What is wrong with a (normalised) name, or null. `staff: false` for participants, who may not
 * use staff words. `keys` compares with look-alikes folded where the table is at hand (the API);
 * the browser's default folds case and accents only, and the server checks again.
 */
export function displayNameProblem(
  name: string,
  options: { staff: boolean; keys?: DisplayNameKeyer },
): DisplayNameProblem | null {
  const length = [...name].length;
  if (length < DISPLAY_NAME_MIN || length > DISPLAY_NAME_MAX) return 'length';
  if (!ALLOWED.test(name)) return 'characters';
  // Starts with a letter or digit, holds a letter, and no pile of accents on one letter.
  if (!/^[\p{L}\p{Nd}]/u.test(name) || !/\p{L}/u.test(name) || hasTooManyMarks(name)) return 'shape';
  const scripts = scriptsOf(name);
  if (scripts === null || !isOneWritingSystem(scripts)) return 'scripts';
  if (!options.staff && hasStaffWord(name, options.keys ?? foldedKeys)) return 'staffWord';
  return null;
}
