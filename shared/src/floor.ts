/** Talking order (CONTRACT.md "Talking order"). */
export const ROUND_KINDS = ['check-in', 'check-out', 'round'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_TURN_SECONDS = { min: 30, max: 900 } as const;
/** A dropped speaker keeps the turn this long. */
export const FLOOR_AWAY_GRACE_SECONDS = 30;

export interface FloorRound {
  kind: RoundKind;
  quiet: boolean;
  turnSeconds: number | null;
  order: string[];
  done: string[];
}

/** Raised hands in raise order, who speaks and until when, and the current round. */
export interface Floor {
  groupId: string;
  hands: string[];
  speaking: string | null;
  turnEndsAt: string | null;
  round: FloorRound | null;
}
