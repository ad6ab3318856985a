import type { HelpLineEntry, Member } from '@tryg/shared';
import {
  applyNotice,
  currentBlock,
  isHiddenByIgnore,
  localHelpLines,
  NOT_BLOCKED,
  otherMembers,
  setIgnored,
  telHref,
} from './safety-rules';

describe('safety rules', () => {
  const entry: HelpLineEntry = {
    number: '25 17 73 74',
    name: { da: 'Dansk Stalking Center', en: 'Danish Stalking Centre' },
    hours: { da: 'Hverdage', en: '' },
    description: { da: 'Gratis og anonym rådgivning', en: 'Free, anonymous advice' },
  };

  it('shows help lines in the reader language, falling back to the other one', () => {
    expect(localHelpLines([entry], 'en')).toEqual([
      {
        number: '25 17 73 74',
        name: 'Danish Stalking Centre',
        hours: 'Hverdage',
        description: 'Free, anonymous advice',
      },
    ]);
    expect(localHelpLines([entry], 'da')[0].name).toBe('Dansk Stalking Center');
    expect(telHref('25 17 73 74')).toBe('tel:25177374');
    expect(telHref('+45 112')).toBe('tel:+45112');
  });

  it('hides messages of ignored members only, never those of former members', () => {
    const ignored = new Set(['a']);
    expect(isHiddenByIgnore({ memberId: 'a' }, ignored)).toBe(true);
    expect(isHiddenByIgnore({ memberId: 'b' }, ignored)).toBe(false);
    expect(isHiddenByIgnore({ memberId: null }, ignored)).toBe(false);
    expect(setIgnored(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(setIgnored(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(setIgnored(['a'], 'a', true)).toEqual(['a']);
  });

  it('lists the other approved members, not me and not facilitators', () => {
    const members: Member[] = [
      { memberId: 'me', displayName: 'Mig', role: 'member', status: 'approved' },
      { memberId: 'b', displayName: 'Bo', role: 'member', status: 'approved' },
      { memberId: 'a', displayName: 'Anna', role: 'member', status: 'approved' },
      { memberId: 'f', displayName: 'Mette', role: 'facilitator', status: 'approved' },
    ];
    expect(otherMembers(members, 'me').map((m) => m.memberId)).toEqual(['a', 'b']);
  });

  it('follows mute notices and lets a mute run out by itself', () => {
    const muted = applyNotice({ groupId: 'g', kind: 'muted', until: '2026-03-24T17:15:00Z' });
    expect(muted).toEqual({ kind: 'muted', until: '2026-03-24T17:15:00Z' });
    expect(currentBlock(muted, Date.parse('2026-03-24T17:14:59Z'))).toEqual(muted);
    expect(currentBlock(muted, Date.parse('2026-03-24T17:15:00Z'))).toEqual(NOT_BLOCKED);
    expect(applyNotice({ groupId: 'g', kind: 'unmuted' })).toEqual(NOT_BLOCKED);
    expect(applyNotice({ groupId: 'g', kind: 'banned' })).toEqual({ kind: 'banned' });
    const unknownEnd = { kind: 'muted' as const, until: null };
    expect(currentBlock(unknownEnd, Date.now())).toEqual(unknownEnd);
  });
});
