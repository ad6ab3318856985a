/** Lock, slow mode and pinned rules, as a facilitator set them. */
export interface RoomControls {
  locked: boolean;
  slowModeSeconds: number;
  /** Null: the group's own rules are pinned. */
  pinnedRules: string | null;
}

export const DEFAULT_CONTROLS: RoomControls = { locked: false, slowModeSeconds: 0, pinnedRules: null };

/** One group's moderation rules as the send path needs them, from memory. */
export class GroupRules {
  constructor(
    readonly groupId: string,
    readonly controls: RoomControls,
    /** memberId → end of their mute (ms). */
    private readonly mutes: ReadonlyMap<string, number>,
  ) {}

  /** When the member's mute ends (ms), or null when not muted at `nowMs`. */
  mutedUntil(memberId: string, nowMs: number): number | null {
    const until = this.mutes.get(memberId);
    return until !== undefined && until > nowMs ? until : null;
  }

  activeMutes(nowMs: number): Array<{ memberId: string; until: number }> {
    return [...this.mutes].filter(([, until]) => until > nowMs).map(([memberId, until]) => ({ memberId, until }));
  }
}
