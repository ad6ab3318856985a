import type { Repository } from 'typeorm';
import type { RoomState } from '@tryg/shared';
import { Clock } from '../../common/clock';
import type { WriteQueue } from '../../common/write-queue';
import type { GroupEntity } from '../groups/entities/group.entity';
import type { GroupsService } from '../groups/groups.service';
import type { MeetingEntity } from './entities/meeting.entity';
import { computeRoomState, type RoomGroupSettings, type RoomMeeting } from './room-state';
import { RoomStateService } from './room-state.service';
import { ChangeBus } from '../../common/change-bus';
import type { AppConfig } from '../../config/app-config';

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

/** Stands still until moved, so recorded instants are exact. */
class FrozenClock extends Clock {
  private instant = new Date(0);
  override now(): Date {
    return new Date(this.instant.getTime());
  }
  override nowMs(): number {
    return this.instant.getTime();
  }
  override set(instant: Date): void {
    this.instant = instant;
  }
}

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

describe(RoomStateService.name, () => {
  let sut: RoomStateService;
  let clock: Clock;
  let meetings: MeetingEntity[];
  let writes: { run: jest.Mock };
  let announced: RoomState[];
  let repository: Repository<MeetingEntity> & { find: jest.Mock };

  beforeEach(() => {
    clock = new FrozenClock();
    meetings = [
      {
        ...MEETING,
        groupId: 'g1',
        scheduleId: null,
        seriesIndex: null,
        durationMinutes: 90,
        title: null,
        capacity: null,
        revision: 0,
        createdAt: at('2026-03-01T00:00:00.000Z'),
        updatedAt: at('2026-03-01T00:00:00.000Z'),
      },
    ];
    repository = {
      find: jest.fn(async () => meetings.filter((m) => m.endsAt > clock.now())),
    } as unknown as Repository<MeetingEntity> & { find: jest.Mock };
    const groups = {
      require: jest.fn(async () => ({ ...GROUP }) as unknown as GroupEntity),
    } as unknown as GroupsService;
    // Applies the service's "record the join" update to the in-memory meetings.
    writes = {
      run: jest.fn(async (work: (m: unknown) => Promise<unknown>) =>
        work({
          update: async (_entity: unknown, where: { id: string }, values: Partial<MeetingEntity>) => {
            const meeting = meetings.find((m) => m.id === where.id);
            if (meeting && meeting.facilitatorJoinedAt === null) Object.assign(meeting, values);
          },
        }),
      ),
    };
    sut = new RoomStateService(repository, groups, writes as unknown as WriteQueue, clock, new ChangeBus({ redisUrl: null } as AppConfig));
    announced = [];
    sut.onChange((s) => announced.push(s));
  });

  it('announces each change once, and stays open for participants after the facilitator leaves', async () => {
    clock.set(at('2026-03-03T16:40:00.000Z'));
    expect((await sut.announce('g1')).mode).toBe('closed');
    expect(await sut.announce('g1')).toMatchObject({ mode: 'closed' });
    expect(announced).toHaveLength(1);

    clock.set(at('2026-03-03T16:55:00.000Z'));
    expect(await sut.announce('g1')).toMatchObject({ mode: 'open', waitingForFacilitator: true });

    await sut.facilitatorPresence('g1', true);
    expect(meetings[0].facilitatorJoinedAt?.toISOString()).toBe('2026-03-03T16:55:00.000Z');
    expect(announced.at(-1)).toMatchObject({ mode: 'open', facilitatorPresent: true, waitingForFacilitator: false });

    await sut.facilitatorPresence('g1', false);
    expect(announced.at(-1)).toMatchObject({ mode: 'open', facilitatorPresent: false, waitingForFacilitator: false });

    clock.set(at('2026-03-03T18:30:00.000Z'));
    await sut.announce('g1');
    expect(announced.map((s) => s.mode)).toEqual(['closed', 'open', 'open', 'open', 'closed']);
  });

  it('records no join for a facilitator who is there before the window opens', async () => {
    clock.set(at('2026-03-03T16:00:00.000Z'));
    await sut.facilitatorJoined('g1');
    expect(meetings[0].facilitatorJoinedAt).toBeNull();
    expect(writes.run).not.toHaveBeenCalled();
  });

  it('counts a facilitator already present when the window opens as joined', async () => {
    clock.set(at('2026-03-03T16:00:00.000Z'));
    await sut.facilitatorPresence('g1', true);
    clock.set(at('2026-03-03T16:50:00.000Z'));
    await sut.announce('g1');
    expect(meetings[0].facilitatorJoinedAt?.toISOString()).toBe('2026-03-03T16:50:00.000Z');
  });

  it('answers repeated questions from memory until a window boundary, a change or a clock moved back', async () => {
    clock.set(at('2026-03-03T16:40:00.000Z'));
    await sut.state('g1');
    await sut.state('g1');
    expect(repository.find).toHaveBeenCalledTimes(1);
    sut.invalidate('g1');
    await sut.state('g1');
    expect(repository.find).toHaveBeenCalledTimes(2);
    // The window opens 10 minutes before 17:00: crossing that boundary recomputes.
    clock.set(at('2026-03-03T16:50:30.000Z'));
    expect((await sut.state('g1')).mode).toBe('open');
    expect(repository.find).toHaveBeenCalledTimes(3);
    clock.set(at('2026-03-03T16:45:00.000Z'));
    expect((await sut.state('g1')).mode).toBe('closed');
    expect(repository.find).toHaveBeenCalledTimes(4);
  });
});
