import { resetClientState } from './client-state';
import { markSignedOut, queryClient } from './query-client';

const sockets: FakeSocket[] = [];

class FakeSocket {
  active = false;
  connectCalls = 0;
  disconnected = false;
  listenersRemoved = false;
  readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(
    readonly uri: string,
    readonly options: Record<string, unknown>,
  ) {}
  connect() {
    this.connectCalls += 1;
    this.active = true;
  }
  disconnect() {
    this.disconnected = true;
    this.active = false;
  }
  removeAllListeners() {
    this.listenersRemoved = true;
  }
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }
  fire(event: string) {
    for (const handler of this.handlers.get(event) ?? []) handler({ reason: 'logout' });
  }
}

jest.mock('socket.io-client', () => ({
  io: (uri: string, options: Record<string, unknown>) => {
    const socket = new FakeSocket(uri, options);
    sockets.push(socket);
    return socket;
  },
}));

// Imported after the mock is in place.
import { acquireChatSocket, currentChatSocket, releaseChatSocket } from './socket-client';

describe('socket client', () => {
  afterEach(() => resetClientState());

  it('opens one same-origin /chat connection, websocket first with polling fallback and reconnect', () => {
    const first = acquireChatSocket();
    const second = acquireChatSocket();
    expect(second).toBe(first);
    const fake = sockets.at(-1)!;
    expect(fake.uri).toBe('/chat');
    expect(fake.options).toMatchObject({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      autoConnect: false,
    });
    expect(fake.connectCalls).toBe(1);
  });

  it('hangs up when the last view lets go', () => {
    const socket = acquireChatSocket();
    acquireChatSocket();
    const fake = sockets.at(-1)!;
    releaseChatSocket(socket);
    expect(fake.disconnected).toBe(false);
    releaseChatSocket(socket);
    expect(fake.disconnected).toBe(true);
    expect(currentChatSocket()).toBeNull();
  });

  it('hangs up and forgets the connection on quick exit (the client-state reset)', () => {
    acquireChatSocket();
    const fake = sockets.at(-1)!;
    resetClientState();
    expect(fake).toMatchObject({ disconnected: true, listenersRemoved: true });
    expect(currentChatSocket()).toBeNull();
    // The next room gets a fresh connection.
    acquireChatSocket();
    expect(sockets.at(-1)).not.toBe(fake);
  });

  it('hangs up on sign-out or an expired session', () => {
    acquireChatSocket();
    const fake = sockets.at(-1)!;
    markSignedOut(queryClient);
    expect(fake.disconnected).toBe(true);
    expect(currentChatSocket()).toBeNull();
  });

  it('hangs up for good when the server says the session was revoked (logout elsewhere)', () => {
    acquireChatSocket();
    const fake = sockets.at(-1)!;
    fake.fire('session:revoked');
    expect(fake.disconnected).toBe(true);
    expect(currentChatSocket()).toBeNull();
  });
});
