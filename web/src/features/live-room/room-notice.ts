import type { RoomState } from '@tryg/shared';
import type { RoomSnapshot } from './room-session';

/**
 * What the room's status line says, from the connection, the join answer and `room:state`.
 * `opensAt` is when a closed or read-only room next opens for writing (null: nothing planned).
 */
export type RoomNotice =
  | {
      kind:
        | 'offline'
        | 'connecting'
        | 'reconnecting'
        | 'disconnected'
        | 'signed-out'
        | 'waiting'
        | 'locked'
        | 'no-access'
        | 'failed';
    }
  | { kind: 'closed' | 'read-only'; opensAt: string | null }
  | { kind: 'open' };

function openingOf(room: RoomState | null, fallback: string | null | undefined): string | null {
  return room?.opensAt ?? fallback ?? null;
}

/**
 * `browserOnline`: what the browser knows at once (its offline event comes long before the socket
 * notices a dead connection), so "offline" is said the moment it happens.
 */
export function roomNotice(
  snapshot: RoomSnapshot,
  isFacilitator: boolean,
  nextOpening?: string | null,
  browserOnline = true,
): RoomNotice {
  if (!browserOnline && snapshot.connection !== 'signed-out') return { kind: 'offline' };
  switch (snapshot.connection) {
    case 'signed-out':
      return { kind: 'signed-out' };
    case 'disconnected':
      return { kind: 'disconnected' };
    case 'reconnecting':
      return { kind: 'reconnecting' };
    case 'connecting':
      return { kind: 'connecting' };
    case 'online':
      break;
  }
  const { joinError, room } = snapshot;
  if (joinError === 'ROOM_CLOSED') return { kind: 'closed', opensAt: nextOpening ?? null };
  if (joinError === 'NOT_FOUND' || joinError === 'FORBIDDEN') return { kind: 'no-access' };
  if (joinError !== null) return { kind: 'failed' };
  if (!room) return { kind: 'connecting' };
  // Facilitators may write whatever the window, lock or waiting says.
  if (isFacilitator) return { kind: 'open' };
  if (room.mode === 'closed') return { kind: 'closed', opensAt: openingOf(room, nextOpening) };
  if (room.mode === 'read-only') return { kind: 'read-only', opensAt: openingOf(room, nextOpening) };
  if (room.locked) return { kind: 'locked' };
  if (room.waitingForFacilitator) return { kind: 'waiting' };
  return { kind: 'open' };
}

/** Whether a message written now goes out (at once, or from the outbox once reconnected). */
export function canWrite(snapshot: RoomSnapshot, notice: RoomNotice): boolean {
  if (notice.kind === 'open') return true;
  // A dropped connection: keep writing; the outbox sends it when the room is back.
  return (
    (notice.kind === 'reconnecting' || notice.kind === 'offline') &&
    snapshot.room !== null &&
    snapshot.joinError === null
  );
}
