import type { ChangeBus } from '../../common/change-bus';
import { RealtimeService } from './realtime.service';
import type { LiveNamespace } from './realtime-types';

/** A namespace that records what was emitted to which room. */
function recordingNamespace() {
  const emitted: Array<{ to: string; event: string }> = [];
  const target = (to: string) => ({
    except: () => target(to),
    emit: (event: string) => {
      emitted.push({ to, event });
      return true;
    },
  });
  return { nsp: { to: target } as unknown as LiveNamespace, emitted };
}

function service(healthy: () => boolean) {
  const bus = { healthy, subscribe: () => () => undefined, onResync: () => () => undefined } as unknown as ChangeBus;
  const realtime = new RealtimeService(bus);
  const { nsp, emitted } = recordingNamespace();
  // Rooms shared across instances: every audience is told, whoever listens here.
  realtime.attach(nsp, true);
  return { realtime, emitted };
}

const message = { message: { id: 'm1' } } as never;

describe(RealtimeService.name, () => {
  it('tells a room, its facilitators and a member while the instance hears the others', () => {
    const { realtime, emitted } = service(() => true);
    realtime.toRoom('g1', 'message:new', message, { membersOnly: true });
    realtime.toFacilitators('g1', 'message:new', message);
    realtime.toMember('mem1', 'message:removed', message);
    expect(emitted.map((e) => e.event)).toEqual(['message:new', 'message:new', 'message:removed']);
  });

  it('tells no room anything once it has lost contact (its sockets would see a gap), and again once it has it back', () => {
    let healthy = false;
    const { realtime, emitted } = service(() => healthy);
    realtime.toRoom('g1', 'message:new', message);
    realtime.toFacilitators('g1', 'message:new', message);
    realtime.toMember('mem1', 'message:removed', message);
    expect(emitted).toEqual([]);
    healthy = true;
    realtime.toRoom('g1', 'message:new', message);
    expect(emitted).toHaveLength(1);
  });
});
