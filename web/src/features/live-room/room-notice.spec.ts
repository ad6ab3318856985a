import type { RoomState } from '@tryg/shared';
import { canWrite, roomNotice } from './room-notice';
import type { RoomSnapshot } from './room-session';
import { EMPTY_TIMELINE } from './timeline';

const ROOM: RoomState = {
  groupId: 'g',
  mode: 'open',
  opensAt: null,
  closesAt: '2026-03-24T19:00:00.000Z',
  facilitatorPresent: true,
  locked: false,
  slowModeSeconds: 0,
  pinnedRules: '',
  waitingForFacilitator: false,
};

function snapshot(change: Partial<RoomSnapshot>): RoomSnapshot {
  return {
    connection: 'online',
    joined: true,
    joinError: null,
    room: ROOM,
    timeline: EMPTY_TIMELINE,
    outbox: [],
    presence: [],
    typing: [],
    loadingEarlier: false,
    earlierFailed: false,
    ...change,
  };
}

describe(roomNotice.name, () => {
  it('says what stops a participant from writing, and lets them write when nothing does', () => {
    const cases: [Partial<RoomSnapshot>, string][] = [
      [{}, 'open'],
      [{ room: { ...ROOM, waitingForFacilitator: true } }, 'waiting'],
      [{ room: { ...ROOM, locked: true } }, 'locked'],
      [{ room: { ...ROOM, mode: 'read-only', opensAt: '2026-03-25T17:00:00.000Z' } }, 'read-only'],
      [{ room: { ...ROOM, mode: 'closed' } }, 'closed'],
      [{ room: null, joined: false, joinError: 'ROOM_CLOSED' }, 'closed'],
      [{ room: null, joined: false, joinError: 'NOT_FOUND' }, 'no-access'],
      [{ connection: 'reconnecting', joined: false }, 'reconnecting'],
      [{ connection: 'disconnected', joined: false }, 'disconnected'],
      [{ connection: 'signed-out', joined: false }, 'signed-out'],
      [{ connection: 'connecting', room: null, joined: false }, 'connecting'],
    ];
    for (const [change, kind] of cases) {
      const state = snapshot(change);
      const notice = roomNotice(state, false);
      expect({ change, kind: notice.kind }).toEqual({ change, kind });
      expect(canWrite(state, notice)).toBe(kind === 'open' || (kind === 'reconnecting' && state.room !== null));
    }
  });

  it('gives the opening time: from room state, or from the next meeting when the join was refused', () => {
    expect(roomNotice(snapshot({ room: { ...ROOM, mode: 'read-only', opensAt: 'T1' } }), false)).toEqual({
      kind: 'read-only',
      opensAt: 'T1',
    });
    expect(roomNotice(snapshot({ room: null, joinError: 'ROOM_CLOSED' }), false, 'T2')).toEqual({
      kind: 'closed',
      opensAt: 'T2',
    });
  });

  it('lets facilitators write whatever the window, lock or waiting says', () => {
    for (const room of [
      { ...ROOM, mode: 'closed' as const },
      { ...ROOM, mode: 'read-only' as const },
      { ...ROOM, locked: true },
    ]) {
      const state = snapshot({ room });
      expect(canWrite(state, roomNotice(state, true))).toBe(true);
    }
  });
});

describe('offline', () => {
  it('is said the moment the browser knows, before the connection notices, and writing goes on into the outbox', () => {
    const online = snapshot({});
    const notice = roomNotice(online, false, null, false);
    expect(notice).toEqual({ kind: 'offline' });
    expect(canWrite(online, notice)).toBe(true);
    expect(roomNotice(snapshot({ connection: 'reconnecting' }), false, null, false)).toEqual({ kind: 'offline' });
    // Back online: whatever the connection says again.
    expect(roomNotice(snapshot({ connection: 'reconnecting' }), false, null, true)).toEqual({ kind: 'reconnecting' });
    expect(roomNotice(snapshot({ connection: 'signed-out' }), false, null, false)).toEqual({ kind: 'signed-out' });
    // Not before the room was ever entered: nothing would be kept for it.
    expect(canWrite(snapshot({ room: null }), notice)).toBe(false);
  });
});
