import { computeRoomState, type RoomGroupSettings, type RoomMeeting } from './room-window';

const GROUP: RoomGroupSettings = {
  id: 'g1',
  openMinutesBefore: 10,
  betweenSessions: 'closed',
  requireFacilitator: true,
  rules: 'Be kind.',
};
const MEETING: RoomMeeting = {
  id: 'm1',
  startsAt: new Date('2026-03-03T17:00:00.000Z'),
  endsAt: new Date('2026-03-03T18:30:00.000Z'),
  cancelled: false,
  facilitatorJoinedAt: null,
};
const NEXT: RoomMeeting = {
  ...MEETING,
  id: 'm2',
  startsAt: new Date('2026-03-10T17:00:00.000Z'),
  endsAt: new Date('2026-03-10T18:30:00.000Z'),
};
const at = (iso: string) => new Date(iso);

describe(computeRoomState.name, () => {
  const state = (now: string, overrides: Partial<Parameters<typeof computeRoomState>[0]> = {}) =>
    computeRoomState({
      now: at(now),
      group: GROUP,
      meetings: [MEETING, NEXT],
      facilitatorPresent: false,
      ...overrides,
    });

  it('is closed before the window, showing when it opens and closes', () => {
    const snap = state('2026-03-03T16:49:59.000Z');
    expect(snap.state).toMatchObject({
      mode: 'closed',
      opensAt: '2026-03-03T16:50:00.000Z',
      closesAt: '2026-03-03T18:30:00.000Z',
      waitingForFacilitator: false,
    });
    expect(snap.meetingId).toBeNull();
  });

  it('opens openMinutesBefore the meeting and stays open until its end', () => {
    expect(state('2026-03-03T16:50:00.000Z').state).toMatchObject({
      mode: 'open',
      opensAt: '2026-03-03T16:50:00.000Z',
      closesAt: '2026-03-03T18:30:00.000Z',
    });
    expect(state('2026-03-03T18:29:59.000Z').state.mode).toBe('open');
    expect(state('2026-03-03T16:50:00.000Z').meetingId).toBe('m1');
  });

  it('is closed after the end, pointing at the next meeting', () => {
    expect(state('2026-03-03T18:30:00.000Z').state).toMatchObject({
      mode: 'closed',
      opensAt: '2026-03-10T16:50:00.000Z',
    });
  });

  it('is read-only between meetings when the group says so', () => {
    const snap = state('2026-03-03T18:30:00.000Z', { group: { ...GROUP, betweenSessions: 'read-only' } });
    expect(snap.state.mode).toBe('read-only');
    expect(state('2026-03-03T16:00:00.000Z', { group: { ...GROUP, betweenSessions: 'read-only' } }).state.mode).toBe(
      'read-only',
    );
  });

  it('has no window times when nothing is planned', () => {
    expect(state('2026-04-01T00:00:00.000Z').state).toMatchObject({ mode: 'closed', opensAt: null, closesAt: null });
  });

  it('ignores a cancelled meeting', () => {
    const snap = computeRoomState({
      now: at('2026-03-03T17:00:00.000Z'),
      group: GROUP,
      meetings: [{ ...MEETING, cancelled: true }, NEXT],
      facilitatorPresent: false,
    });
    expect(snap.state).toMatchObject({ mode: 'closed', opensAt: '2026-03-10T16:50:00.000Z' });
  });

  it('keeps participants waiting in an open room until a facilitator has joined during this meeting', () => {
    expect(state('2026-03-03T17:05:00.000Z').state).toMatchObject({
      mode: 'open',
      waitingForFacilitator: true,
      facilitatorPresent: false,
    });
    expect(state('2026-03-03T17:05:00.000Z', { facilitatorPresent: true }).state).toMatchObject({
      waitingForFacilitator: false,
      facilitatorPresent: true,
    });
    // Joined earlier in this meeting and left again: the room stays open for participants.
    const joined = { ...MEETING, facilitatorJoinedAt: at('2026-03-03T16:55:00.000Z') };
    expect(
      computeRoomState({
        now: at('2026-03-03T17:05:00.000Z'),
        group: GROUP,
        meetings: [joined],
        facilitatorPresent: false,
      }).state,
    ).toMatchObject({
      waitingForFacilitator: false,
      facilitatorPresent: false,
    });
  });

  it('does not carry a join over to the next meeting', () => {
    const joinedFirst = { ...MEETING, facilitatorJoinedAt: at('2026-03-03T16:55:00.000Z') };
    const snap = computeRoomState({
      now: at('2026-03-10T16:55:00.000Z'),
      group: GROUP,
      meetings: [joinedFirst, NEXT],
      facilitatorPresent: false,
    });
    expect(snap.state).toMatchObject({ mode: 'open', waitingForFacilitator: true });
  });

  it('does not make anyone wait when the group does not require a facilitator', () => {
    expect(
      state('2026-03-03T17:05:00.000Z', { group: { ...GROUP, requireFacilitator: false } }).state.waitingForFacilitator,
    ).toBe(false);
  });

  it("uses moderation's lock, slow mode and pinned rules when given, and the group's rules by default", () => {
    expect(state('2026-03-03T17:05:00.000Z').state).toMatchObject({
      locked: false,
      slowModeSeconds: 0,
      pinnedRules: 'Be kind.',
    });
    expect(
      state('2026-03-03T17:05:00.000Z', { moderation: { locked: true, slowModeSeconds: 30, pinnedRules: 'No names.' } })
        .state,
    ).toMatchObject({
      locked: true,
      slowModeSeconds: 30,
      pinnedRules: 'No names.',
    });
  });
});
