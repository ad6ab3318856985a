import type { Floor } from '@tryg/shared';
import { clock, isMyTurn, queue, quietForMe, secondsLeft } from './floor-rules';

const base: Floor = { groupId: 'g', hands: [], speaking: null, turnEndsAt: null, round: null };

describe('floor rules', () => {
  it('queues the rest of the round, else the raised hands, never the speaker', () => {
    expect(queue({ ...base, hands: ['a', 'b'], speaking: 'a' })).toEqual(['b']);
    const round = { kind: 'check-in' as const, quiet: false, turnSeconds: null, order: ['a', 'b', 'c'], done: ['a'] };
    expect(queue({ ...base, hands: ['x'], speaking: 'b', round })).toEqual(['c']);
  });

  it('silences only members whose turn it is not, in a quiet round with a speaker', () => {
    const quiet = {
      ...base,
      speaking: 'a',
      round: { kind: 'round' as const, quiet: true, turnSeconds: null, order: ['a', 'b'], done: [] },
    };
    expect(quietForMe(quiet, 'b', false)).toBe(true);
    expect(quietForMe(quiet, 'a', false)).toBe(false);
    expect(quietForMe(quiet, 'f', true)).toBe(false);
    expect(quietForMe({ ...quiet, round: { ...quiet.round, quiet: false } }, 'b', false)).toBe(false);
    expect(quietForMe({ ...quiet, speaking: null }, 'b', false)).toBe(false);
    expect(isMyTurn(quiet, 'a')).toBe(true);
  });

  it('leaves the composer free when the speaker is hidden from me: my floor shows nobody speaking, and the server lets me write', () => {
    // The server's view for a member kept apart from the speaker (CONTRACT "Who may listen"; docs/contract-extensions.md
    // "Talking order (issue 15)"): the speaker is left out of speaking, order and done, and nothing says someone else has the turn.
    const hiddenSpeaker: Floor = {
      ...base,
      speaking: null,
      round: { kind: 'check-in', quiet: true, turnSeconds: null, order: ['a', 'c'], done: ['a'] },
    };
    expect(quietForMe(hiddenSpeaker, 'a', false)).toBe(false);
    expect(isMyTurn(hiddenSpeaker, 'a')).toBe(false);
    expect(queue(hiddenSpeaker)).toEqual(['c']);
  });

  it('counts a timed turn down in whole seconds', () => {
    const floor = { ...base, speaking: 'a', turnEndsAt: '2026-03-03T17:01:00.000Z' };
    expect(secondsLeft(floor, Date.parse('2026-03-03T17:00:00.500Z'))).toBe(60);
    expect(secondsLeft(floor, Date.parse('2026-03-03T17:02:00.000Z'))).toBe(0);
    expect(secondsLeft(base, 0)).toBeNull();
    expect(clock(65)).toBe('1:05');
  });
});
