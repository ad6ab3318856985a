import type { Ack, JoinPayload, JoinResult, Message, RoomState, SendPayload, SendResult } from '@tryg/shared';
import { RoomSession, type RoomEvent } from './room-session';
import type { RoomTransport, TransportHandlers } from './room-transport';

const GROUP = 'g1';
const ME = 'member-me';
const OTHER = 'member-other';

const OPEN: RoomState = {
  groupId: GROUP,
  mode: 'open',
  opensAt: null,
  closesAt: null,
  facilitatorPresent: true,
  locked: false,
  slowModeSeconds: 0,
  pinnedRules: 'Vær søde',
  waitingForFacilitator: false,
};

/** A stand-in for the API: stores once per (member, client id), in one order, like the real one. */
class FakeServer {
  readonly messages: (Message & { clientMessageId: string })[] = [];
  private seq = 0;
  room: RoomState = OPEN;
  joinRefusal: Ack<JoinResult> | null = null;

  store(memberId: string, payload: SendPayload): Message {
    const earlier = this.messages.find((m) => m.memberId === memberId && m.clientMessageId === payload.clientMessageId);
    if (earlier) return earlier;
    this.seq += 1;
    const message = {
      id: `m${this.seq}`,
      groupId: GROUP,
      seq: this.seq,
      memberId,
      displayName: memberId === ME ? 'Mig' : 'Bravo',
      role: 'member' as const,
      body: payload.body,
      contentWarning: payload.contentWarning ?? null,
      status: 'delivered' as const,
      removed: null,
      createdAt: new Date(this.seq * 1000).toISOString(),
      clientMessageId: payload.clientMessageId,
    };
    this.messages.push(message);
    return message;
  }

  /** What a viewer gets: the client id only on their own messages. */
  view(message: Message & { clientMessageId: string }, viewer: string): Message {
    const { clientMessageId, ...rest } = message;
    return message.memberId === viewer ? { ...rest, clientMessageId } : rest;
  }

  join(payload: JoinPayload): Ack<JoinResult> {
    if (this.joinRefusal) return this.joinRefusal;
    let list = this.messages;
    if (payload.afterMessageId) {
      const anchor = list.findIndex((m) => m.id === payload.afterMessageId);
      if (anchor === -1) return { ok: false, code: 'NOT_FOUND', message: 'gone' };
      list = list.slice(anchor + 1, anchor + 1 + 500);
    } else {
      list = list.slice(-50);
    }
    return {
      ok: true,
      room: this.room,
      floor: { groupId: this.room.groupId, hands: [], speaking: null, turnEndsAt: null, round: null },
      messages: list.map((m) => this.view(m, ME)),
      hasMore: false,
    };
  }
}

/**
 * The socket as the room sees it. `answer: false` models a lost answer: the server stores the
 * message, but the reply never arrives (it is rejected when the connection drops, like socket.io).
 */
class FakeTransport implements RoomTransport {
  connected = false;
  answer = true;
  handlers: TransportHandlers | null = null;
  readonly joins: JoinPayload[] = [];
  readonly sends: SendPayload[] = [];
  readonly typingSent: string[] = [];
  released = false;
  private readonly unanswered: ((error: Error) => void)[] = [];

  constructor(private readonly server: FakeServer) {}

  isConnected = () => this.connected;
  subscribe = (handlers: TransportHandlers) => {
    this.handlers = handlers;
    return () => {
      this.handlers = null;
    };
  };
  join = async (payload: JoinPayload) => {
    this.joins.push(payload);
    return this.server.join(payload);
  };
  /** The connection is dead without knowing it: sends reach nobody. */
  blackhole = false;

  send = (payload: SendPayload): Promise<Ack<SendResult>> => {
    this.sends.push(payload);
    if (!this.connected || this.blackhole) return new Promise((_resolve, reject) => this.unanswered.push(reject));
    const stored = this.server.store(ME, payload);
    // The live copy to the room (the author included), before the answer, as the gateway does.
    this.handlers?.messageNew(
      this.server.view(
        this.server.messages.find((m) => m.id === stored.id)!,
        'nobody',
      ),
    );
    if (!this.answer) return new Promise((_resolve, reject) => this.unanswered.push(reject));
    return Promise.resolve({
      ok: true,
      message: this.server.view(
        this.server.messages.find((m) => m.id === stored.id)!,
        ME,
      ),
    });
  };
  typing = (groupId: string) => {
    this.typingSent.push(groupId);
  };
  leave = () => undefined;
  reconnect = () => this.up();
  dropConnection = () => this.down();
  release = () => {
    this.released = true;
  };

  up(): void {
    this.connected = true;
    this.handlers?.connect();
  }

  down(): void {
    this.connected = false;
    for (const reject of this.unanswered.splice(0)) reject(new Error('socket has been disconnected'));
    this.handlers?.disconnect(false);
  }

  /** Someone else writes while this client may be away. */
  otherWrites(body: string): Message {
    const stored = this.server.store(OTHER, { groupId: GROUP, clientMessageId: `other-${body}`, body });
    if (this.connected) this.handlers?.messageNew(this.server.view(this.server.messages.at(-1)!, ME));
    return stored;
  }
}

async function settled(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await Promise.resolve();
}

function setUp() {
  const server = new FakeServer();
  const transport = new FakeTransport(server);
  let ids = 0;
  const session = new RoomSession({
    groupId: GROUP,
    memberId: ME,
    openTransport: () => transport,
    history: {
      after: () => Promise.resolve({ items: [], nextCursor: null }),
      before: () => Promise.resolve({ items: [], nextCursor: null }),
    },
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    closedRetryMs: 50,
  });
  const events: RoomEvent[] = [];
  session.onEvent((event) => events.push(event));
  return { server, transport, session, events, snapshot: () => session.getSnapshot() };
}

const bodies = (messages: readonly Message[]) => messages.map((m) => m.body);

describe(RoomSession.name, () => {
  it('joins on connect, sends, and shows the stored message once', async () => {
    const { transport, session, snapshot, server } = setUp();
    transport.otherWrites('Hej');
    session.start();
    transport.up();
    await settled();
    expect(snapshot()).toMatchObject({ connection: 'online', joined: true, room: OPEN });
    expect(transport.joins).toEqual([{ groupId: GROUP }]);

    session.send('Godt at se jer', null);
    expect(snapshot().outbox).toHaveLength(1);
    await settled();
    expect(snapshot().outbox).toEqual([]);
    expect(bodies(snapshot().timeline.messages)).toEqual(['Hej', 'Godt at se jer']);
    expect(server.messages).toHaveLength(2);
  });

  it('hangs up at once when the browser says the network is gone, and queues what is written meanwhile', async () => {
    const { transport, session, snapshot, server } = setUp();
    session.start();
    transport.up();
    await settled();
    session.connectionLost();
    expect(snapshot().connection).toBe('reconnecting');
    session.send('Skrevet uden net', null);
    await settled();
    expect(snapshot().outbox.map((entry) => entry.state)).toEqual(['queued']);
    expect(server.messages).toHaveLength(0);
    // Nothing to hang up a second time.
    session.connectionLost();
    transport.up();
    await settled();
    expect(bodies(snapshot().timeline.messages)).toEqual(['Skrevet uden net']);
  });

  it('keeps what is written while offline, then catches up and sends it once with its client id', async () => {
    const { transport, session, snapshot, server, events } = setUp();
    session.start();
    transport.up();
    transport.otherWrites('før');
    await settled();

    transport.down();
    expect(snapshot().connection).toBe('reconnecting');
    session.send('skrevet offline', null);
    await settled();
    expect(snapshot().outbox).toMatchObject([{ body: 'skrevet offline', state: 'queued' }]);
    expect(transport.sends).toEqual([]);
    transport.otherWrites('mens du var væk 1');
    transport.otherWrites('mens du var væk 2');

    transport.up();
    await settled();
    // Catch-up from the last message this client had, then the resend.
    expect(transport.joins.at(-1)).toEqual({ groupId: GROUP, afterMessageId: 'm1' });
    expect(bodies(snapshot().timeline.messages)).toEqual([
      'før',
      'mens du var væk 1',
      'mens du var væk 2',
      'skrevet offline',
    ]);
    expect(snapshot().outbox).toEqual([]);
    expect(server.messages.filter((m) => m.body === 'skrevet offline')).toHaveLength(1);
    expect(events).toContainEqual({ kind: 'caught-up', missed: 2 });
  });

  it('stores a message once when its answer was lost in a drop, and shows it once', async () => {
    const { transport, session, snapshot, server } = setUp();
    session.start();
    transport.up();
    await settled();

    transport.answer = false;
    session.send('svaret gik tabt', null);
    await settled();
    // Stored, seen live (the pending copy is hidden behind it), but not answered.
    expect(server.messages).toHaveLength(1);
    expect(snapshot().outbox).toMatchObject([{ state: 'sending', echoId: 'm1' }]);
    expect(bodies(snapshot().timeline.messages)).toEqual(['svaret gik tabt']);

    transport.down();
    expect(snapshot().outbox).toMatchObject([{ state: 'queued', echoId: null }]);
    transport.answer = true;
    transport.otherWrites('imens');
    transport.up();
    await settled();
    expect(server.messages.filter((m) => m.body === 'svaret gik tabt')).toHaveLength(1);
    expect(snapshot().outbox).toEqual([]);
    expect(bodies(snapshot().timeline.messages)).toEqual(['svaret gik tabt', 'imens']);
    // Every attempt used the one client id.
    expect(new Set(transport.sends.map((s) => s.clientMessageId)).size).toBe(1);
  });

  it('resends with the same client id when the catch-up does not show it stored', async () => {
    const { transport, session, snapshot, server } = setUp();
    session.start();
    transport.up();
    await settled();
    transport.blackhole = true;
    session.send('ingen forbindelse', null);
    await settled();
    expect(snapshot().outbox).toMatchObject([{ state: 'sending' }]);
    transport.down();
    transport.blackhole = false;
    transport.up();
    await settled();
    const id = '00000000-0000-4000-8000-000000000001';
    expect(transport.sends.map((s) => s.clientMessageId)).toEqual([id, id]);
    expect(server.messages.map((m) => m.body)).toEqual(['ingen forbindelse']);
    expect(snapshot().outbox).toEqual([]);
  });

  it('marks a refused message as not sent, and retries it with the same client id', async () => {
    const { transport, session, snapshot } = setUp();
    session.start();
    transport.up();
    await settled();
    const realSend = transport.send;
    transport.send = async (payload) => {
      transport.sends.push(payload);
      return { ok: false, code: 'SLOW_MODE', message: 'slow' };
    };
    session.send('for hurtigt', null);
    await settled();
    expect(snapshot().outbox).toMatchObject([{ state: 'failed', error: 'SLOW_MODE' }]);
    transport.send = realSend;
    session.retry(snapshot().outbox[0].clientMessageId);
    await settled();
    expect(snapshot().outbox).toEqual([]);
    expect(new Set(transport.sends.map((s) => s.clientMessageId)).size).toBe(1);
  });

  it('sends queued messages in the order they were written', async () => {
    const { transport, session, server } = setUp();
    session.start();
    transport.up();
    await settled();
    transport.down();
    for (const body of ['en', 'to', 'tre']) session.send(body, 'cw');
    transport.up();
    await settled();
    expect(server.messages.map((m) => [m.body, m.contentWarning])).toEqual([
      ['en', 'cw'],
      ['to', 'cw'],
      ['tre', 'cw'],
    ]);
  });

  it('ignores duplicate and foreign-room events, and announces only others’ new messages', async () => {
    const { transport, session, snapshot, events } = setUp();
    session.start();
    transport.up();
    await settled();
    const message = transport.otherWrites('hej');
    transport.handlers!.messageNew({ ...message, clientMessageId: undefined });
    transport.handlers!.messageNew({ ...message, id: 'x', groupId: 'another-group', seq: 99 });
    expect(bodies(snapshot().timeline.messages)).toEqual(['hej']);
    expect(events.filter((e) => e.kind === 'incoming')).toHaveLength(1);
  });

  it('shows a removal for everyone, and tombstones my own delete at once', async () => {
    const { transport, session, snapshot } = setUp();
    session.start();
    transport.up();
    const message = transport.otherWrites('fjernes');
    await settled();
    transport.handlers!.messageChanged({ ...message, body: null, removed: 'facilitator' });
    expect(snapshot().timeline.messages[0]).toMatchObject({ body: null, removed: 'facilitator' });
    session.markDeleted(message.id);
    expect(snapshot().timeline.messages[0].removed).toBe('author');
  });

  it('reports a closed room and asks again until it opens', async () => {
    const { transport, session, snapshot, server } = setUp();
    server.joinRefusal = { ok: false, code: 'ROOM_CLOSED', message: 'closed' };
    session.start();
    transport.up();
    await settled();
    expect(snapshot()).toMatchObject({ joined: false, joinError: 'ROOM_CLOSED' });
    server.joinRefusal = null;
    await new Promise((resolve) => setTimeout(resolve, 80));
    await settled();
    expect(snapshot()).toMatchObject({ joined: true, joinError: null });
    session.stop();
  });

  it('follows room state, presence and typing for its own group only', async () => {
    const { transport, session, snapshot } = setUp();
    session.start();
    transport.up();
    await settled();
    transport.handlers!.roomState({ ...OPEN, waitingForFacilitator: true });
    transport.handlers!.roomState({ ...OPEN, groupId: 'another', mode: 'closed' });
    expect(snapshot().room).toMatchObject({ mode: 'open', waitingForFacilitator: true });
    transport.handlers!.presence(GROUP, [{ memberId: OTHER, displayName: 'Bravo', online: true }]);
    expect(snapshot().presence).toHaveLength(1);
    transport.handlers!.typing(GROUP, OTHER, 'Bravo');
    transport.handlers!.typing(GROUP, ME, 'Mig');
    expect(snapshot().typing).toEqual([{ memberId: OTHER, displayName: 'Bravo' }]);
    // Their message ends their typing line.
    transport.otherWrites('færdig');
    expect(snapshot().typing).toEqual([]);
    session.notifyTyping(10_000);
    session.notifyTyping(10_500);
    session.notifyTyping(12_500);
    expect(transport.typingSent).toHaveLength(2);
    session.stop();
  });

  it('knows when the session ended, and lets go of the connection when stopped', async () => {
    const { transport, session, snapshot } = setUp();
    session.start();
    transport.up();
    await settled();
    transport.handlers!.revoked();
    transport.handlers!.disconnect(true);
    expect(snapshot().connection).toBe('signed-out');
    session.stop();
    expect(transport.released).toBe(true);
    expect(transport.handlers).toBeNull();
  });

  it('tells other features what became of a send: stored with its notice, or refused with its code', async () => {
    const { transport, session, events } = setUp();
    session.start();
    transport.up();
    await settled();
    transport.send = (payload: SendPayload) => {
      transport.sends.push(payload);
      return Promise.resolve(
        payload.body === 'hold'
          ? { ok: true as const, message: { ...transport.otherWrites('x'), memberId: ME }, notice: 'held' as const }
          : { ok: false as const, code: 'MUTED' as const, message: 'muted' },
      );
    };
    session.send('hold', null);
    await settled();
    session.send('nope', null);
    await settled();
    const mine = events.filter((event) => event.kind === 'sent' || event.kind === 'refused');
    expect(mine.map((event) => (event.kind === 'sent' ? `sent:${event.notice}` : `refused:${event.code}`))).toEqual([
      'sent:held',
      'refused:MUTED',
    ]);
    session.stop();
  });

  it('resync reads the latest messages again, keeps unsent ones and announces nothing', async () => {
    const { transport, session, snapshot, server, events } = setUp();
    session.start();
    transport.up();
    transport.otherWrites('synlig');
    await settled();
    // A message the server kept from this reader (not pushed live), e.g. while they ignored its writer.
    server.store(OTHER, { groupId: GROUP, clientMessageId: 'hidden-1', body: 'skjult før' });
    expect(bodies(snapshot().timeline.messages)).toEqual(['synlig']);
    transport.blackhole = true;
    session.send('undervejs', null);
    await settled();
    transport.blackhole = false;

    session.resync();
    await settled();
    expect(transport.joins.at(-1)).toEqual({ groupId: GROUP });
    expect(bodies(snapshot().timeline.messages)).toEqual(['synlig', 'skjult før', 'undervejs']);
    expect(snapshot().outbox).toEqual([]);
    expect(server.messages.filter((m) => m.body === 'undervejs')).toHaveLength(1);
    expect(events.filter((event) => event.kind === 'caught-up')).toEqual([]);
    session.stop();
  });
});
