import type { Floor, RoundKind } from '@tryg/shared';

/** A speaker whose last socket left keeps the turn this long (a reconnect within it keeps it). */
export const AWAY_GRACE_MS = 30_000;

/** The floor as stored: the contract's `floor` without the group id, plus when the speaker left. */
export interface FloorState {
  /** The meeting whose window this floor belongs to: a floor of another meeting reads as empty. */
  meetingId: string | null;
  hands: string[];
  speaking: string | null;
  turnEndsAt: string | null;
  /** When the speaker's last socket left the room; their turn passes on AWAY_GRACE_MS later. */
  speakerAwaySince: string | null;
  round: {
    kind: RoundKind;
    quiet: boolean;
    turnSeconds: number | null;
    order: string[];
    done: string[];
  } | null;
}

export const EMPTY_FLOOR: FloorState = {
  meetingId: null,
  hands: [],
  speaking: null,
  turnEndsAt: null,
  speakerAwaySince: null,
  round: null,
};

/** The floor of this meeting: what was kept for an earlier one is cleared (its window ended). */
export function forMeeting(state: FloorState, meetingId: string | null): FloorState {
  return state.meetingId === meetingId ? state : { ...EMPTY_FLOOR, meetingId };
}

export type FloorRefusal = 'NOBODY_WAITING' | 'NOT_SPEAKING' | 'NO_ROUND' | 'NOT_PRESENT' | 'BAD_ORDER';

export type Outcome = { ok: true; state: FloorState } | { ok: false; refusal: FloorRefusal };

const ok = (state: FloorState): Outcome => ({ ok: true, state });
const refuse = (refusal: FloorRefusal): Outcome => ({ ok: false, refusal });

/** Who is in the room now: the participants (facilitators are never in a round or a hand). */
export interface Presence {
  participants: ReadonlySet<string>;
}

function turnEnd(state: FloorState, now: Date): string | null {
  const seconds = state.round?.turnSeconds ?? null;
  return seconds === null ? null : new Date(now.getTime() + seconds * 1000).toISOString();
}

/** Gives the turn to `memberId` (their hand goes down). */
function speak(state: FloorState, memberId: string | null, now: Date): FloorState {
  return {
    ...state,
    hands: memberId ? state.hands.filter((id) => id !== memberId) : state.hands,
    speaking: memberId,
    turnEndsAt: memberId ? turnEnd(state, now) : null,
    speakerAwaySince: null,
  };
}

/** The next in the round who is here and has not spoken; those not here are skipped (counted done). */
function nextInRound(state: FloorState, presence: Presence): { state: FloorState; next: string | null } {
  if (!state.round) return { state, next: null };
  const done = [...state.round.done];
  for (const memberId of state.round.order) {
    if (done.includes(memberId) || memberId === state.speaking) continue;
    if (presence.participants.has(memberId))
      return { state: { ...state, round: { ...state.round, done } }, next: memberId };
    done.push(memberId);
  }
  return { state: { ...state, round: { ...state.round, done } }, next: null };
}

export function raiseHand(state: FloorState, memberId: string, raised: boolean): Outcome {
  const has = state.hands.includes(memberId);
  if (raised && !has && state.speaking !== memberId) return ok({ ...state, hands: [...state.hands, memberId] });
  if (!raised && has) return ok({ ...state, hands: state.hands.filter((id) => id !== memberId) });
  return ok(state);
}

/** `give`: to a chosen member, else the next in the round, else the first hand. */
export function give(state: FloorState, memberId: string | undefined, presence: Presence, now: Date): Outcome {
  if (memberId !== undefined) {
    if (!presence.participants.has(memberId)) return refuse('NOT_PRESENT');
    return ok(speak(endTurn(state), memberId, now));
  }
  const ended = endTurn(state);
  const { state: afterSkips, next } = nextInRound(ended, presence);
  if (next) return ok(speak(afterSkips, next, now));
  const hand = afterSkips.hands.find((id) => presence.participants.has(id));
  if (hand) return ok(speak(afterSkips, hand, now));
  return refuse('NOBODY_WAITING');
}

/** The speaker's turn is over: counted done in the round. */
function endTurn(state: FloorState): FloorState {
  if (!state.speaking) return state;
  const round =
    state.round && !state.round.done.includes(state.speaking) && state.round.order.includes(state.speaking)
      ? { ...state.round, done: [...state.round.done, state.speaking] }
      : state.round;
  return { ...state, round, speaking: null, turnEndsAt: null, speakerAwaySince: null };
}

/** `done` (the speaker says "I'm done" or passes, or a facilitator ends the turn): in a round the next one speaks. */
export function finishTurn(state: FloorState, presence: Presence, now: Date): Outcome {
  if (!state.speaking) return refuse('NOT_SPEAKING');
  const ended = endTurn(state);
  const { state: afterSkips, next } = nextInRound(ended, presence);
  return ok(speak(afterSkips, next, now));
}

/** A round over the participants here now, in shuffled order; the first one speaks. */
export function startRound(
  state: FloorState,
  round: { kind: RoundKind; quiet: boolean; turnSeconds: number | null },
  order: string[],
  presence: Presence,
  now: Date,
): Outcome {
  const fresh: FloorState = {
    ...state,
    speaking: null,
    turnEndsAt: null,
    speakerAwaySince: null,
    round: { ...round, order, done: [] },
  };
  const { state: afterSkips, next } = nextInRound(fresh, presence);
  return ok(speak(afterSkips, next, now));
}

/** The same people in a new order (those who already spoke keep their place among the done). */
export function reorder(state: FloorState, memberIds: string[]): Outcome {
  if (!state.round) return refuse('NO_ROUND');
  const current = new Set(state.round.order);
  const wanted = new Set(memberIds);
  if (wanted.size !== memberIds.length || wanted.size !== current.size || [...wanted].some((id) => !current.has(id))) {
    return refuse('BAD_ORDER');
  }
  return ok({ ...state, round: { ...state.round, order: [...memberIds] } });
}

export function endRound(state: FloorState): Outcome {
  if (!state.round) return refuse('NO_ROUND');
  const speakerInRound = state.speaking !== null && state.round.order.includes(state.speaking);
  return ok({
    ...state,
    round: null,
    ...(speakerInRound ? { speaking: null, turnEndsAt: null, speakerAwaySince: null } : {}),
  });
}

/** A member's last socket left the room: the hand goes down at once, the turn after the grace. */
export function memberLeft(state: FloorState, memberId: string, now: Date): FloorState {
  const hands = state.hands.filter((id) => id !== memberId);
  const away = state.speaking === memberId && !state.speakerAwaySince ? now.toISOString() : state.speakerAwaySince;
  return { ...state, hands, speakerAwaySince: state.speaking === memberId ? away : state.speakerAwaySince };
}

/** A member came (back) into the room: a speaker keeps the turn; a newcomer to a running round joins at its end. */
export function memberArrived(state: FloorState, memberId: string): FloorState {
  let next = state;
  if (state.speaking === memberId && state.speakerAwaySince) next = { ...next, speakerAwaySince: null };
  if (next.round && !next.round.order.includes(memberId))
    next = { ...next, round: { ...next.round, order: [...next.round.order, memberId] } };
  return next;
}

/** When something is due on its own (a timed turn's end, an away speaker's grace), or null. */
export function nextDeadline(state: FloorState): number | null {
  const times = [
    state.turnEndsAt,
    state.speakerAwaySince && new Date(new Date(state.speakerAwaySince).getTime() + AWAY_GRACE_MS).toISOString(),
  ]
    .filter((t): t is string => !!t)
    .map((t) => new Date(t).getTime());
  return times.length > 0 ? Math.min(...times) : null;
}

/** What the clock does: a turn past its end, or an away speaker past the grace, passes on. */
export function dueNow(state: FloorState, presence: Presence, now: Date): FloorState | null {
  const deadline = nextDeadline(state);
  if (deadline === null || deadline > now.getTime()) return null;
  const outcome = finishTurn(state, presence, now);
  return outcome.ok ? outcome.state : null;
}

/** The floor as one viewer may see it: members hidden from them are left out. */
export function viewFloor(groupId: string, state: FloorState, hidden: ReadonlySet<string>): Floor {
  const visible = (id: string) => !hidden.has(id);
  const speakingVisible = state.speaking !== null && visible(state.speaking);
  return {
    groupId,
    hands: state.hands.filter(visible),
    speaking: speakingVisible ? state.speaking : null,
    turnEndsAt: speakingVisible ? state.turnEndsAt : null,
    round: state.round
      ? {
          kind: state.round.kind,
          quiet: state.round.quiet,
          turnSeconds: state.round.turnSeconds,
          order: state.round.order.filter(visible),
          done: state.round.done.filter(visible),
        }
      : null,
  };
}
