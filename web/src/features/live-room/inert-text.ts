/**
 * What people write is shown as plain text and nothing else: React text nodes (never HTML), and
 * links only for http(s) addresses, opened without referrer and never fetched for a preview (a
 * preview would tell the linked site the reader's address).
 */

/*
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) let text be shown in another
 * order than it was written ("gnp.exe" looking like "exe.png"). They are removed for display.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A candidate starts with http:// or https:// at a word start and runs to the next space or quote-like mark.
const LINK_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

/** "(see https://x.dk/a)." → "https://x.dk/a": sentence marks and an unmatched closing bracket stay outside. */
function trimCandidate(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    if (url.endsWith(')') && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
    if (url === before) return url;
  }
}

/**
 * The address to link to, or null when it must stay text: only http(s), no `user@` part (which makes
 * "https://bank.dk@other.example" look like the bank), and only plain ASCII host names (an
 * internationalised name can imitate another site's letters).
 */
export function safeHref(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '' || url.hostname.split('.').some((label) => label.startsWith('xn--'))) return null;
  return url.href;
}

/** Splits text into plain runs and safe links, after removing bidi controls. */
export function segmentText(raw: string): TextSegment[] {
  const text = neutraliseBidi(raw);
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (segment: TextSegment) => {
    const previous = segments.at(-1);
    if (segment.kind === 'text' && previous?.kind === 'text') previous.text += segment.text;
    else if (segment.kind === 'link' || segment.text !== '') segments.push(segment);
  };
  for (const match of text.matchAll(LINK_CANDIDATE)) {
    const start = match.index;
    const candidate = trimCandidate(match[0]);
    const href = safeHref(candidate);
    if (href === null) continue;
    push({ kind: 'text', text: text.slice(last, start) });
    push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Length as the server counts it: Unicode code points after trimming. */
export function codePointLength(text: string): number {
  return [...text.trim()].length;
}

// Control characters other than newline and tab: invisible, and refused by the server.
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text as it will be sent: invisible control characters (e.g. from a paste) removed, trimmed. */
export function prepareOutgoing(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '').trim();
}
