/** What the care loop knows about one approved member at a run. */
export interface CareLoopFacts {
  /** The member's own opt-in. */
  careLoop: boolean;
  /** When their coordinator was told (null: not since they last attended). */
  sentAt: Date | null;
  /** As the group's facilitators see it. */
  missedInARow: number;
  /** The group's `careLoopAfter`. */
  after: number;
  /** The referring coordinator's account exists and is enabled. */
  coordinatorAvailable: boolean;
}

/**
 * - `nudge`: tell the coordinator (once: `sentAt` stays until the member attends);
 * - `reset`: the member attended after a nudge, so the next streak may be told again;
 * - `follow`: keep the coordinator's missed count current while the nudge stands;
 * - `withdraw`: the member switched the loop off: the coordinator stops seeing the count;
 * - `none`.
 * A member who never opted in is never reported, whatever they miss.
 */
export type CareLoopStep = 'nudge' | 'reset' | 'follow' | 'withdraw' | 'none';

export function careLoopStep(facts: CareLoopFacts): CareLoopStep {
  if (facts.sentAt && facts.missedInARow === 0) return 'reset';
  if (!facts.careLoop) return facts.sentAt ? 'withdraw' : 'none';
  if (facts.sentAt) return 'follow';
  if (facts.missedInARow >= facts.after && facts.coordinatorAvailable) return 'nudge';
  return 'none';
}
