// A load process for the many-rooms and connections parts (`fork`ed with IPC; lib/rooms-load.mjs
// drives it). It holds whole rooms — every member of a room in this process — so a message's send
// time and its receipt by each member are read on one clock (performance.now()), and it can check
// that every member received every acknowledged message of its room exactly once.
//
// Messages from the parent: { type: 'connect', target, baseUrl, rooms: [{ groupId, tokens | null,
// size }] }, { type: 'step', target, rate, startAt, warmupMs, measureMs, graceMs },
// { type: 'close', target }. Each is answered with { type: 'done', id, ... } or { type: 'error', id, message }.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectChat } from './chat-socket.mjs';

const ACK_TIMEOUT_MS = 5000;
const CONNECT_CONCURRENCY = 40;
// Plain words only: no digits, links or names a content filter might hold back.
const BODY = 'Tak fordi I lytter. Det hjælper mig at skrive det ned her, hvor det er trygt at sige det.';
// A sender that has this many messages unacknowledged skips its turn (and counts it): an open
// loop, but one that cannot pile up an unbounded queue against a server that has stopped answering.
const MAX_OUTSTANDING = 20;

/** target → [{ groupId, members: [{ socket, index }] }] */
const targets = new Map();
/** target → Map<messageId, Uint16Array receipts per member> and receipt times, for the running step. */
let receiving = null;

function onReceipt(room, index, message) {
  const at = performance.now();
  if (!receiving || receiving.rooms !== room.ref) return;
  let entry = receiving.messages.get(message.id);
  if (!entry) {
    entry = { counts: new Uint16Array(room.members.length), times: [], sentAt: null, room };
    receiving.messages.set(message.id, entry);
  }
  entry.counts[index]++;
  entry.times.push(at);
}

async function connectRooms({ target, baseUrl, rooms, join = true }) {
  const started = performance.now();
  const list = rooms.map((r) => ({ groupId: r.groupId, members: new Array(r.size), ref: null }));
  const ref = {};
  for (const room of list) room.ref = ref;
  targets.set(target, { rooms: list, ref });
  const jobs = [];
  rooms.forEach((r, g) => {
    for (let i = 0; i < r.size; i++) jobs.push({ g, i, token: r.tokens?.[i] ?? null });
  });
  let next = 0;
  const one = async () => {
    while (next < jobs.length) {
      const { g, i, token } = jobs[next++];
      const room = list[g];
      const socket = await connectChat(baseUrl, token, 20_000);
      room.members[i] = { socket, index: i, outstanding: 0 };
      socket.on('message:new', ({ message }) => onReceipt(room, i, message));
      if (!join) continue;
      const ack = await socket.timeout(20_000).emitWithAck('room:join', { groupId: room.groupId });
      if (!ack.ok) throw new Error(`room:join refused: ${ack.code} ${ack.message ?? ''}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, jobs.length) }, one));
  // Let the presence broadcasts of the joins settle.
  await sleep(300);
  return { sockets: jobs.length, ms: performance.now() - started };
}

/**
 * One load step: every member sends `rate` messages a second on a steady schedule (open loop) from
 * `startAt` (epoch ms, shared by every load process) for warm-up + measure; then `graceMs` for the
 * last deliveries. Measured: messages sent in the window, acked, refused; every receipt's delay
 * after its send; each acknowledged message's receipts per member (exactly once).
 */
async function step({ target, rate, startAt, warmupMs, measureMs, graceMs }) {
  const { rooms, ref } = targets.get(target);
  receiving = { rooms: ref, messages: new Map() };
  const start = performance.now() + (startAt - Date.now());
  const t0 = start + warmupMs;
  const t1 = t0 + measureMs;
  const interval = 1000 / rate;
  const sent = new Map(); // messageId → sentAt (acked ones)
  let sentInWindow = 0;
  let ackedInWindow = 0;
  let skipped = 0;
  let timedOut = 0;
  const refused = {};
  let cpuAtT0 = null;
  let cpuAtT1 = null;

  const marks = [
    sleep(Math.max(0, t0 - performance.now())).then(() => (cpuAtT0 = process.cpuUsage())),
    sleep(Math.max(0, t1 - performance.now())).then(() => (cpuAtT1 = process.cpuUsage())),
  ];
  const sendLoop = async (room, member) => {
    let nextAt = start + Math.random() * interval;
    for (;;) {
      const wait = nextAt - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAt = performance.now();
      if (sentAt >= t1) return;
      nextAt += interval;
      // Behind schedule by more than an interval (a busy client): keep the pace, do not burst.
      if (nextAt < sentAt) nextAt = sentAt + interval;
      if (member.outstanding >= MAX_OUTSTANDING) {
        skipped++;
        continue;
      }
      const inWindow = sentAt >= t0;
      if (inWindow) sentInWindow++;
      member.outstanding++;
      member.socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('message:send', { groupId: room.groupId, clientMessageId: randomUUID(), body: BODY }, (error, ack) => {
          member.outstanding--;
          if (error) {
            timedOut++;
            return;
          }
          if (!ack.ok) {
            refused[ack.code] = (refused[ack.code] ?? 0) + 1;
            return;
          }
          sent.set(ack.message.id, { sentAt, room, inWindow });
          if (inWindow) ackedInWindow++;
        });
    }
  };
  await Promise.all([...rooms.flatMap((room) => room.members.map((m) => sendLoop(room, m))), ...marks]);
  // Until every ack is in (or timed out) and the last broadcasts have arrived.
  const until = performance.now() + ACK_TIMEOUT_MS + 500;
  while (rooms.some((r) => r.members.some((m) => m.outstanding > 0)) && performance.now() < until) await sleep(20);
  await sleep(graceMs);

  const latencies = [];
  let lost = 0;
  let duplicated = 0;
  let deliveries = 0;
  for (const [id, { sentAt, room, inWindow }] of sent) {
    const entry = receiving.messages.get(id);
    const counts = entry?.counts ?? new Uint16Array(room.members.length);
    for (const n of counts) {
      if (n === 0) lost++;
      else if (n > 1) duplicated += n - 1;
    }
    if (inWindow && entry) {
      deliveries += entry.times.length;
      for (const t of entry.times) latencies.push(Math.round((t - sentAt) * 100) / 100);
    }
  }
  // Receipts of messages whose ack never came (timed out): delivered, but not counted as acked.
  let unackedReceived = 0;
  for (const id of receiving.messages.keys()) if (!sent.has(id)) unackedReceived++;
  receiving = null;
  const cpu = cpuAtT1 && cpuAtT0 ? (cpuAtT1.user + cpuAtT1.system - cpuAtT0.user - cpuAtT0.system) / 1000 : NaN;
  return {
    sentInWindow,
    ackedInWindow,
    deliveries,
    skipped,
    timedOut,
    refused,
    lost,
    duplicated,
    unackedReceived,
    latencies,
    clientCpuMs: cpu,
  };
}

function close({ target }) {
  const entry = targets.get(target);
  if (!entry) return {};
  for (const room of entry.rooms) for (const m of room.members) m?.socket.close();
  targets.delete(target);
  return {};
}

const handlers = {
  connect: connectRooms,
  step,
  close,
  memory: () => ({ memory: process.memoryUsage() }),
};

process.on('message', async (message) => {
  try {
    const result = await handlers[message.type](message);
    process.send({ type: 'done', id: message.id, ...result });
  } catch (error) {
    process.send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
// The parent gone (an error, Ctrl-C): close everything and leave.
process.on('disconnect', () => process.exit(0));
