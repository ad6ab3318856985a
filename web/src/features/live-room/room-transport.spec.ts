/** The app's chat socket, reduced to what the transport uses; nothing is ever answered. */
class FakeSocket {
  connected = true;
  active = true;
  readonly handlers = new Map<string, (...args: unknown[]) => void>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
  }
  off(event: string) {
    this.handlers.delete(event);
  }
  timeout() {
    return { emitWithAck: () => new Promise(() => undefined) };
  }
  emit() {
    return true;
  }
  fire(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.(...args);
  }
}

const fake = new FakeSocket();
jest.mock('../../lib/socket-client', () => ({
  acquireChatSocket: () => fake,
  releaseChatSocket: () => undefined,
}));

// Imported after the mock is in place.
import { RoomSession } from './room-session';
import { openSocketTransport } from './room-transport';

function sessionOverTheSocket(): RoomSession {
  const session = new RoomSession({
    groupId: 'g1',
    memberId: 'm1',
    openTransport: openSocketTransport,
    history: {
      after: () => Promise.resolve({ items: [], nextCursor: null }),
      before: () => Promise.resolve({ items: [], nextCursor: null }),
    },
    newId: () => '00000000-0000-4000-8000-000000000001',
  });
  session.start();
  return session;
}

/**
 * What a disconnect reason of socket.io means to the person in the room. A restart (SIGTERM) or a
 * resync closes the connection itself, which the client sees as `transport close`: the room says
 * "reconnecting" and socket.io dials again; only a deliberate hang-up says "disconnected".
 */
describe('room transport: disconnect reasons', () => {
  it.each(['transport close', 'ping timeout', 'transport error'])('shows “reconnecting” after %s', (reason) => {
    const session = sessionOverTheSocket();
    fake.fire('disconnect', reason);
    expect(session.getSnapshot().connection).toBe('reconnecting');
    session.stop();
  });

  it('shows “disconnected” only when the server hung up on purpose', () => {
    const session = sessionOverTheSocket();
    fake.fire('disconnect', 'io server disconnect');
    expect(session.getSnapshot().connection).toBe('disconnected');
    session.stop();
  });
});
