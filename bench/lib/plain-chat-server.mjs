// The baseline: the least a socket.io chat server must do — join a room, give each message a
// sequence number, broadcast it to the room and acknowledge. No auth, no storage, no rules.
// Started by the parts as a child process: `node plain-chat-server.mjs <port>`. Rooms are
// whatever `groupId`s the clients join (many-rooms joins a hundred).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer((req, res) => {
  // Readiness probe for the benchmark (the same path as Tryg's).
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{}');
});
const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
const chat = io.of('/chat');
const lastSeq = new Map();

const isObject = (value) => typeof value === 'object' && value !== null;

chat.on('connection', (socket) => {
  // A stable pseudonym per connection, as a chat server would have from its session.
  const memberId = randomUUID();
  const displayName = `member-${socket.id.slice(0, 6)}`;
  const reply = (ack) => (typeof ack === 'function' ? ack : () => undefined);

  socket.on('room:join', (payload, ack) => {
    if (!isObject(payload) || typeof payload.groupId !== 'string') return reply(ack)({ ok: false, code: 'VALIDATION' });
    void socket.join(payload.groupId);
    reply(ack)({ ok: true, room: { groupId: payload.groupId, mode: 'open' }, messages: [], hasMore: false });
  });

  socket.on('message:send', (payload, ack) => {
    if (!isObject(payload) || typeof payload.groupId !== 'string' || typeof payload.body !== 'string') {
      return reply(ack)({ ok: false, code: 'VALIDATION' });
    }
    const { groupId, clientMessageId } = payload;
    const seq = (lastSeq.get(groupId) ?? 0) + 1;
    lastSeq.set(groupId, seq);
    // The same shape as Tryg's message, so both servers move the same bytes.
    const message = {
      id: randomUUID(),
      groupId,
      seq,
      memberId,
      displayName,
      body: payload.body.trim(),
      contentWarning: null,
      status: 'delivered',
      removed: null,
      createdAt: new Date().toISOString(),
    };
    chat.to(groupId).emit('message:new', { message });
    reply(ack)({ ok: true, message: { ...message, clientMessageId } });
  });
});

// The benchmark asks over IPC how busy the event loop has been (as it asks Tryg).
if (process.send) {
  process.channel.unref();
  process.on('message', (message) => {
    if (message === 'event-loop') process.send({ eventLoop: performance.eventLoopUtilization() });
    // The connections part: memory after a full collection (node started with --expose-gc).
    if (message === 'memory') {
      global.gc?.();
      process.send({ memory: process.memoryUsage() });
    }
  });
}

process.once('SIGTERM', () => {
  io.close();
  http.close(() => process.exit(0));
});

http.listen(port, '127.0.0.1');
