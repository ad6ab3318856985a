import type { BetweenSessions, RoomState } from '@tryg/shared';
import { windowOpensAt } from '../scheduling/meeting-window';

export interface RoomGroupSettings {
  id: string;
  openMinutesBefore: number;
  betweenSessions: BetweenSessions;
  requireFacilitator: boolean;
  rules: string;
}

export interface RoomMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** When a facilitator of the group first joined the room during this meeting's window. */
  facilitatorJoinedAt: Date | null;
}

/** Set by moderation (lock, slow mode, pinned rules); until then: unlocked, no slow mode, the group's rules. */
export interface RoomModeration {
  locked: boolean;
  slowModeSeconds: number;
  pinnedRules: string | null;
}

export interface RoomInputs {
  now: Date;
  group: RoomGroupSettings;
  /** The group's meetings that have not ended yet (others are ignored anyway). */
  meetings: RoomMeeting[];
  facilitatorPresent: boolean;
  moderation?: Partial<RoomModeration>;
}

export interface RoomSnapshot {
  state: RoomState;
  /** The meeting whose window is open now, if any. */
  meetingId: string | null;
  /** Whether that meeting already has a recorded facilitator join. */
  facilitatorJoinRecorded: boolean;
}

/**
 * The one rule for "what is this group's room now". Open from `openMinutesBefore` before a
 * meeting until its end; between meetings `closed` or `read-only` per the group. With
 * `requireFacilitator`, participants wait until a facilitator has joined during this meeting's
 * window — once one has, the room stays open for them even if the facilitator leaves.
 */
export function computeRoomState(input: RoomInputs): RoomSnapshot {
  const { now, group } = input;
  const nowMs = now.getTime();
  const live = input.meetings.filter((m) => !m.cancelled).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const current = live.find(
    (m) => windowOpensAt(m, group.openMinutesBefore).getTime() <= nowMs && nowMs < m.endsAt.getTime(),
  );
  const base = {
    groupId: group.id,
    facilitatorPresent: input.facilitatorPresent,
    locked: input.moderation?.locked ?? false,
    slowModeSeconds: input.moderation?.slowModeSeconds ?? 0,
    pinnedRules: input.moderation?.pinnedRules ?? group.rules,
  };
  if (current) {
    const joined = current.facilitatorJoinedAt !== null;
    return {
      state: {
        ...base,
        mode: 'open',
        opensAt: windowOpensAt(current, group.openMinutesBefore).toISOString(),
        closesAt: current.endsAt.toISOString(),
        waitingForFacilitator: group.requireFacilitator && !joined && !input.facilitatorPresent,
      },
      meetingId: current.id,
      facilitatorJoinRecorded: joined,
    };
  }
  const next = live.find((m) => windowOpensAt(m, group.openMinutesBefore).getTime() > nowMs);
  return {
    state: {
      ...base,
      mode: group.betweenSessions,
      opensAt: next ? windowOpensAt(next, group.openMinutesBefore).toISOString() : null,
      closesAt: next ? next.endsAt.toISOString() : null,
      waitingForFacilitator: false,
    },
    meetingId: null,
    facilitatorJoinRecorded: false,
  };
}
