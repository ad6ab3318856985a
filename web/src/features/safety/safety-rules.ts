import type { HelpLine, HelpLineEntry, Locale, Member, Message, ModerationNotice } from '@tryg/shared';

/** The help lines in the reader's language (the other language when a text was left empty). */
export function localHelpLines(entries: readonly HelpLineEntry[], locale: Locale): HelpLine[] {
  const other: Locale = locale === 'da' ? 'en' : 'da';
  const pick = (text: { da: string; en: string }) => text[locale] || text[other];
  return entries.map((entry) => ({
    number: entry.number,
    name: pick(entry.name),
    hours: pick(entry.hours),
    description: pick(entry.description),
  }));
}

/** A phone link for a number as written ("25 17 73 74" → "tel:25177374"). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** Messages from members I chose to hide are left out for me only (they are not told). */
export function isHiddenByIgnore(message: Pick<Message, 'memberId'>, ignored: ReadonlySet<string>): boolean {
  return message.memberId !== null && ignored.has(message.memberId);
}

/** The ignore list with one member hidden or shown again. */
export function setIgnored(list: readonly string[], memberId: string, hide: boolean): string[] {
  const without = list.filter((id) => id !== memberId);
  return hide ? [...without, memberId] : without;
}

/** The other members of the group I may act on (not me, not facilitators), by name. */
export function otherMembers(members: readonly Member[], myMemberId: string): Member[] {
  return members
    .filter((member) => member.memberId !== myMemberId && member.role === 'member' && member.status === 'approved')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
}

/**
 * Whether I may write, as far as moderation goes. `until` is when a mute ends (null when it is
 * not known, e.g. learned from a refused send). Removed and banned end the membership.
 */
export type WriteBlock = { kind: 'none' } | { kind: 'muted'; until: string | null } | { kind: 'removed' | 'banned' };

export const NOT_BLOCKED: WriteBlock = { kind: 'none' };

export function applyNotice(notice: ModerationNotice): WriteBlock {
  switch (notice.kind) {
    case 'muted':
      return { kind: 'muted', until: notice.until ?? null };
    case 'unmuted':
      return NOT_BLOCKED;
    case 'removed':
    case 'banned':
      return { kind: notice.kind };
  }
}

/** A mute whose end has passed is over (the server lets the next message through by itself). */
export function currentBlock(block: WriteBlock, now: number): WriteBlock {
  if (block.kind === 'muted' && block.until !== null && Date.parse(block.until) <= now) return NOT_BLOCKED;
  return block;
}
