import type { Floor } from '@tryg/shared';

/** Who is waiting for the turn, in order: the rest of the round, or else the raised hands. */
export function queue(floor: Floor): string[] {
  if (floor.round) return floor.round.order.filter((id) => id !== floor.speaking && !floor.round!.done.includes(id));
  return floor.hands.filter((id) => id !== floor.speaking);
}

export function isMyTurn(floor: Floor | null | undefined, memberId: string): boolean {
  return !!floor && floor.speaking === memberId;
}

/**
 * In a quiet round only the speaker (and facilitators) write: the composer waits and says whose turn it is.
 * A speaker hidden from me reaches me as `speaking: null`, and the server lets me write then (a notice
 * or a refusal would tell me they are in the room), so nobody speaking means the composer is free.
 */
export function quietForMe(floor: Floor | null | undefined, memberId: string, isFacilitator: boolean): boolean {
  return !!floor?.round?.quiet && floor.speaking !== null && floor.speaking !== memberId && !isFacilitator;
}

/** Whole seconds left of a timed turn, or null when the turn has no end. */
export function secondsLeft(floor: Floor | null | undefined, nowMs: number): number | null {
  if (!floor?.turnEndsAt) return null;
  return Math.max(0, Math.ceil((new Date(floor.turnEndsAt).getTime() - nowMs) / 1000));
}

/** `m:ss` for a countdown read at a glance. */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
