import type { Member, ModerationSummary } from '@tryg/shared';
import {
  actionableMembers,
  checkReason,
  checkWatchedWord,
  muteMinutes,
  mutedUntil,
  nameOf,
  parseMuteMinutes,
  parseSlowModeSeconds,
  waitingCount,
} from './moderation-rules';

const member = (memberId: string, displayName: string, extra: Partial<Member> = {}): Member => ({
  memberId,
  displayName,
  role: 'member',
  status: 'approved',
  ...extra,
});

describe('moderation rules', () => {
  it('accepts mute lengths of 1 minute to a week only', () => {
    expect(parseMuteMinutes('1')).toBe(1);
    expect(parseMuteMinutes(' 10080 ')).toBe(10080);
    expect(parseMuteMinutes('0')).toBeNull();
    expect(parseMuteMinutes('10081')).toBeNull();
    expect(parseMuteMinutes('1.5')).toBeNull();
    expect(parseMuteMinutes('')).toBeNull();
    expect(muteMinutes('60', 'x')).toBe(60);
    expect(muteMinutes('custom', '90')).toBe(90);
    expect(muteMinutes('custom', '-3')).toBeNull();
  });

  it('accepts slow mode of 0 to 600 seconds', () => {
    expect(parseSlowModeSeconds('0')).toBe(0);
    expect(parseSlowModeSeconds('600')).toBe(600);
    expect(parseSlowModeSeconds('601')).toBeNull();
    expect(parseSlowModeSeconds('ten')).toBeNull();
  });

  it('requires a reason of at most 500 characters', () => {
    expect(checkReason('  ')).toBe('missing');
    expect(checkReason('x'.repeat(501))).toBe('too-long');
    expect(checkReason('Spam')).toBeNull();
  });

  it('offers actions on approved members only, never on facilitators', () => {
    const list = [
      member('b', 'Bo'),
      member('a', 'Anna'),
      member('f', 'Mette', { role: 'facilitator' }),
      member('p', 'Per', { status: 'pending' }),
      member('r', 'Rikke', { status: 'removed' }),
    ];
    expect(actionableMembers(list).map((m) => m.memberId)).toEqual(['a', 'b']);
    expect(nameOf(list, 'p')).toBe('Per');
    expect(nameOf(list, 'zz')).toBeNull();
    expect(nameOf(list, null)).toBeNull();
  });

  it('reads running mutes and the waiting count from the summary', () => {
    const now = new Date('2026-03-24T17:00:00Z');
    const summary: ModerationSummary = {
      openReports: 2,
      openSafetyAlerts: 1,
      heldMessages: 3,
      mutes: [
        { memberId: 'a', until: '2026-03-24T17:15:00Z' },
        { memberId: 'b', until: '2026-03-24T16:59:00Z' },
      ],
    };
    expect(mutedUntil(summary, 'a', now)).toBe('2026-03-24T17:15:00Z');
    expect(mutedUntil(summary, 'b', now)).toBeNull();
    expect(mutedUntil(undefined, 'a', now)).toBeNull();
    expect(waitingCount(summary)).toBe(6);
    expect(waitingCount(undefined)).toBe(0);
  });

  it('refuses empty, letterless and duplicate watched words, ignoring case and accents', () => {
    const list = [{ pattern: 'Café', action: 'hold' as const }];
    expect(checkWatchedWord('  ', list)).toBe('empty');
    expect(checkWatchedWord('***', list)).toBe('no-letter');
    expect(checkWatchedWord('cafe', list)).toBe('duplicate');
    expect(checkWatchedWord('CAFÉ', list)).toBe('duplicate');
    expect(checkWatchedWord('adresse', list)).toBeNull();
    expect(checkWatchedWord('x'.repeat(101), list)).toBe('too-long');
  });
});
