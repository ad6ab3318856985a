import { foldCaseAndAccents, type WatchAction, type WatchedWord } from '@tryg/shared';

/** Letters and digits: what a word is made of, in any script. */
const WORD_CHAR = '[\\p{L}\\p{N}]';
const BEFORE_WORD = `(?<!${WORD_CHAR})`;
const AFTER_WORD = `(?!${WORD_CHAR})`;

// Pattern words hold only letters, digits and `*` by now; escaping is a second guard.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern as it is stored and compared: trimmed, inner whitespace collapsed. */
export function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/\s+/g, ' ');
}

/** The key two patterns are the same under (case and accents ignored). */
export function patternKey(pattern: string): string {
  return foldCaseAndAccents(normalizePattern(pattern));
}

/**
 * One pattern as a regular expression over folded text: whole words only ("mord" does not match
 * "mordere" but "mord*" does), any run of spaces or punctuation between its words, `*` for any
 * letters within a word.
 */
function patternSource(pattern: string): string {
  const words = patternKey(pattern)
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.split('*').map(escapeRegExp).join(`${WORD_CHAR}*`));
  if (words.length === 0) return '';
  return `${BEFORE_WORD}${words.join(`[^\\p{L}\\p{N}]+`)}${AFTER_WORD}`;
}

export interface WatchMatch {
  hold: boolean;
  crisis: boolean;
}

/**
 * Watched words compiled once (one expression per action), then matched against each message.
 * Matching is case-, accent- and word-boundary-aware: "Selvmord", "SELVMORD" and "sélvmord" all
 * match "selvmord"; "mord" does not match inside "selvmord".
 */
export class WatchList {
  private constructor(private readonly expressions: ReadonlyMap<WatchAction, RegExp>) {}

  static readonly EMPTY = new WatchList(new Map());

  static compile(...lists: ReadonlyArray<readonly WatchedWord[]>): WatchList {
    const sources = new Map<WatchAction, string[]>();
    for (const word of lists.flat()) {
      const source = patternSource(word.pattern);
      if (!source) continue;
      sources.set(word.action, [...(sources.get(word.action) ?? []), source]);
    }
    const expressions = new Map<WatchAction, RegExp>();
    for (const [action, list] of sources)
      expressions.set(action, new RegExp(list.map((s) => `(?:${s})`).join('|'), 'u'));
    return new WatchList(expressions);
  }

  match(text: string): WatchMatch {
    if (this.expressions.size === 0) return { hold: false, crisis: false };
    const folded = foldCaseAndAccents(text);
    return {
      hold: this.expressions.get('hold')?.test(folded) ?? false,
      crisis: this.expressions.get('crisis')?.test(folded) ?? false,
    };
  }
}

/** Drops repeats (the same pattern ignoring case and accents), keeping the first. */
export function dedupeWatchedWords(words: readonly WatchedWord[]): WatchedWord[] {
  const seen = new Set<string>();
  const result: WatchedWord[] = [];
  for (const word of words) {
    const pattern = normalizePattern(word.pattern);
    const key = `${word.action}:${patternKey(pattern)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pattern, action: word.action });
  }
  return result;
}
