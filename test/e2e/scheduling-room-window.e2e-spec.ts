import type { RoomState } from '@tryg/shared';
import { RoomRules } from '../../api/src/modules/room-rules/room-rules.service';
import {
  createMeeting,
  createSchedulingGroup,
  MINUTE_MS,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';
import { ask, type ChatClient, collect, connectChat, eventually } from '../support/sockets';

const NOW = new Date('2027-03-15T09:00:00.000Z');

describe('room window: opening and closing announced by the job', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;
  let roomState: RoomRules;
  let listener: ChatClient;
  let announced: RoomState[];

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 1, { openMinutesBefore: 10, betweenSessions: 'read-only' });
    roomState = s.app.app.get(RoomRules);
    // A member listening in the (read-only) room hears every announcement.
    listener = await connectChat(s.app, group.members[0].client);
    expect(await ask(listener, 'room:join', { groupId: group.groupId })).toMatchObject({ ok: true });
    announced = collect<RoomState>(listener, 'room:state');
  });
  afterAll(async () => {
    listener.close();
    await s.app.close();
  });

  it('announces the window opening openMinutesBefore the meeting, and closing at its end', async () => {
    // Starts 20 minutes from now and lasts 15.
    const startsAt = new Date(NOW.getTime() + 20 * MINUTE_MS);
    await createMeeting(group, { startsAt: startsAt.toISOString(), durationMinutes: 15 });
    await s.scheduler.tick();
    expect(await roomState.state(group.groupId)).toMatchObject({
      mode: 'read-only',
      opensAt: new Date(startsAt.getTime() - 10 * MINUTE_MS).toISOString(),
      closesAt: new Date(startsAt.getTime() + 15 * MINUTE_MS).toISOString(),
    });
    const before = announced.length;

    s.app.clock.set(new Date(startsAt.getTime() - 9 * MINUTE_MS));
    await s.scheduler.tick();
    await eventually(() => announced.length > before);
    expect(announced.slice(before)).toEqual([
      expect.objectContaining({ mode: 'open', waitingForFacilitator: true, facilitatorPresent: false }),
    ]);

    // A facilitator joins, then leaves: participants may still post.
    const facilitator = await connectChat(s.app, group.facilitator);
    expect(await ask(facilitator, 'room:join', { groupId: group.groupId })).toMatchObject({ ok: true });
    await eventually(() => announced.at(-1)?.facilitatorPresent === true);
    facilitator.close();
    await eventually(() => announced.at(-1)?.facilitatorPresent === false);
    expect(announced.at(-1)).toMatchObject({ mode: 'open', facilitatorPresent: false, waitingForFacilitator: false });

    s.app.clock.set(new Date(startsAt.getTime() + 15 * MINUTE_MS + 1000));
    await s.scheduler.tick();
    await eventually(() => announced.at(-1)?.mode === 'read-only');
    expect(announced.at(-1)).toMatchObject({ mode: 'read-only', opensAt: null, closesAt: null });
  });
});
