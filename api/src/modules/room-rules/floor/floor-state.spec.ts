import {
  AWAY_GRACE_MS,
  dueNow,
  EMPTY_FLOOR,
  finishTurn,
  forMeeting,
  give,
  memberArrived,
  memberLeft,
  raiseHand,
  reorder,
  startRound,
  viewFloor,
} from './floor-state';
import type { FloorState, Outcome, Presence } from './floor-state';

const NOW = new Date('2026-03-03T17:00:00.000Z');
const here = (...ids: string[]): Presence => ({ participants: new Set(ids) });
const state = (outcome: Outcome): FloorState => {
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome.state;
};

describe('floor state', () => {
  it('keeps hands in raise order, once each, and never for the speaker', () => {
    let s = state(raiseHand(EMPTY_FLOOR, 'b', true));
    s = state(raiseHand(s, 'a', true));
    s = state(raiseHand(s, 'b', true));
    expect(s.hands).toEqual(['b', 'a']);
    s = state(give(s, undefined, here('a', 'b'), NOW));
    expect(s).toMatchObject({ speaking: 'b', hands: ['a'] });
    expect(state(raiseHand(s, 'b', true)).hands).toEqual(['a']);
  });

  it('gives the next in the round before the first hand, skipping who is not here', () => {
    let s = state(raiseHand(EMPTY_FLOOR, 'x', true));
    s = state(
      startRound(s, { kind: 'check-in', quiet: false, turnSeconds: 60 }, ['a', 'b', 'c'], here('a', 'c', 'x'), NOW),
    );
    expect(s).toMatchObject({ speaking: 'a', turnEndsAt: '2026-03-03T17:01:00.000Z' });
    s = state(finishTurn(s, here('a', 'c', 'x'), NOW));
    expect(s).toMatchObject({ speaking: 'c', round: { done: ['a', 'b'] } });
    s = state(finishTurn(s, here('a', 'c', 'x'), NOW));
    expect(s).toMatchObject({ speaking: null, round: { done: ['a', 'b', 'c'] } });
    expect(state(give(s, undefined, here('x'), NOW)).speaking).toBe('x');
  });

  it('refuses what cannot be done', () => {
    expect(give(EMPTY_FLOOR, undefined, here(), NOW)).toEqual({ ok: false, refusal: 'NOBODY_WAITING' });
    expect(give(EMPTY_FLOOR, 'a', here(), NOW)).toEqual({ ok: false, refusal: 'NOT_PRESENT' });
    expect(finishTurn(EMPTY_FLOOR, here(), NOW)).toEqual({ ok: false, refusal: 'NOT_SPEAKING' });
    const round = state(
      startRound(EMPTY_FLOOR, { kind: 'round', quiet: false, turnSeconds: null }, ['a', 'b'], here('a', 'b'), NOW),
    );
    expect(reorder(round, ['a'])).toEqual({ ok: false, refusal: 'BAD_ORDER' });
    expect(reorder(round, ['a', 'a'])).toEqual({ ok: false, refusal: 'BAD_ORDER' });
    expect(state(reorder(round, ['b', 'a'])).round!.order).toEqual(['b', 'a']);
  });

  it('takes a leaver’s hand down at once, and their turn only after the grace; a return keeps it', () => {
    let s = state(
      startRound(EMPTY_FLOOR, { kind: 'round', quiet: false, turnSeconds: null }, ['a', 'b'], here('a', 'b'), NOW),
    );
    s = state(raiseHand(s, 'b', true));
    s = memberLeft(s, 'b', NOW);
    expect(s.hands).toEqual([]);
    s = memberLeft(s, 'a', NOW);
    expect(dueNow(s, here('b'), new Date(NOW.getTime() + AWAY_GRACE_MS - 1))).toBeNull();
    expect(dueNow(memberArrived(s, 'a'), here('a', 'b'), new Date(NOW.getTime() + AWAY_GRACE_MS + 1))).toBeNull();
    expect(dueNow(s, here('b'), new Date(NOW.getTime() + AWAY_GRACE_MS))).toMatchObject({ speaking: 'b' });
  });

  it('adds a newcomer to a running round at its end', () => {
    const s = state(startRound(EMPTY_FLOOR, { kind: 'round', quiet: false, turnSeconds: null }, ['a'], here('a'), NOW));
    expect(memberArrived(s, 'n').round!.order).toEqual(['a', 'n']);
  });

  it('is another meeting’s floor once the window moved on', () => {
    const s = { ...state(raiseHand(EMPTY_FLOOR, 'a', true)), meetingId: 'm1' };
    expect(forMeeting(s, 'm1')).toBe(s);
    expect(forMeeting(s, 'm2')).toEqual({ ...EMPTY_FLOOR, meetingId: 'm2' });
  });

  it('shows a viewer nothing of a member hidden from them', () => {
    let s = state(raiseHand(EMPTY_FLOOR, 'h', true));
    s = state(startRound(s, { kind: 'round', quiet: true, turnSeconds: 60 }, ['h', 'a'], here('h', 'a'), NOW));
    const seen = viewFloor('g', s, new Set(['h']));
    expect(JSON.stringify(seen)).not.toContain('"h"');
    expect(seen).toMatchObject({ speaking: null, turnEndsAt: null, round: { order: ['a'] } });
  });
});
