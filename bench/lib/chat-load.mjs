// The load shape, the same for both servers: N sender sockets and a few listener sockets join one
// room; each sender sends its next message when the previous one is acknowledged, no faster than
// its own pace (a closed loop, so a slow server gets less load instead of an ever-growing queue).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectChat } from './chat-socket.mjs';
import { percentile } from './stats.mjs';

const ACK_TIMEOUT_MS = 10_000;
const JOIN_CONCURRENCY = 10;
// Plain words only: no digits, links or names a content filter might hold back.
const BODY = 'Tak fordi I lytter. Det hjælper mig at skrive det ned her, hvor det er trygt at sige det.';

/**
 * Opens `senders + listeners` sockets (one per token when tokens are given) and joins them to the
 * room — the senders too unless `sendersJoin` is false (sending needs no join, CONTRACT.md), which
 * leaves the fan-out to the listeners and so measures the send path itself. Every socket counts
 * the `message:new` it receives; listeners also check the order.
 */
export async function openRoom({ baseUrl, groupId, tokens, senders, listeners, sendersJoin = true }) {
  const total = senders + listeners;
  if (tokens && tokens.length < total) throw new Error(`need ${total} accounts, have ${tokens.length}`);
  const members = [];
  let next = 0;
  const joinOne = async () => {
    while (next < total) {
      const i = next++;
      const socket = await connectChat(baseUrl, tokens?.[i], ACK_TIMEOUT_MS);
      const member = { socket, delivered: 0, lastSeq: null, outOfOrder: 0, listener: i >= senders };
      socket.on('message:new', ({ message }) => {
        member.delivered++;
        if (!member.listener) return;
        if (member.lastSeq !== null && message.seq !== member.lastSeq + 1) member.outOfOrder++;
        member.lastSeq = message.seq;
      });
      members[i] = member;
      if (!member.listener && !sendersJoin) continue;
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:join', { groupId });
      if (!ack.ok) throw new Error(`room:join refused: ${ack.code} ${ack.message ?? ''}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, joinOne));
  } catch (error) {
    closeRoom(members);
    throw error;
  }
  // Let the presence broadcasts of the joins settle before measuring.
  await sleep(500);
  return members;
}

export function closeRoom(members) {
  for (const member of members) member?.socket.close();
}

/**
 * Runs one step: `warmupMs` unmeasured, then `measureMs` in which acks, refusals, ack latency and
 * deliveries are counted. `rate` is messages per second per sender; 0 means as fast as acks allow.
 */
export async function runStep(members, { groupId, rate, warmupMs, measureMs, probeServer }) {
  const senders = members.filter((m) => !m.listener);
  const interval = rate > 0 ? 1000 / rate : 0;
  const start = performance.now();
  const t0 = start + warmupMs;
  const t1 = t0 + measureMs;
  const latencies = [];
  const refused = {};
  let acked = 0;
  let ackedInStep = 0;
  let timedOut = 0;

  // Counters read at the start and the end of the measured window; `probeServer` resolves with
  // the server's `{ cpuMs, systemMs?, loop: { idle, active } }` (any may be null where unavailable).
  const snapshot = async () => ({
    delivered: members.reduce((sum, m) => sum + m.delivered, 0),
    clientCpu: process.cpuUsage(),
    ...(await probeServer()),
  });
  let atT0;
  let atT1;
  const marks = [
    sleep(t0 - start).then(async () => (atT0 = await snapshot())),
    sleep(t1 - start).then(async () => (atT1 = await snapshot())),
  ];

  const sendLoop = async ({ socket }) => {
    // Spread the first sends over one interval so the senders do not tick in lockstep.
    let nextAt = start + Math.random() * interval;
    for (;;) {
      const wait = nextAt - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAt = performance.now();
      if (sentAt >= t1) return;
      nextAt = sentAt + interval;
      let ack;
      try {
        ack = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('message:send', { groupId, clientMessageId: randomUUID(), body: BODY });
      } catch {
        timedOut++;
        continue;
      }
      const ackAt = performance.now();
      if (ack.ok) ackedInStep++;
      if (ackAt < t0 || ackAt > t1) continue;
      if (ack.ok) {
        acked++;
        latencies.push(ackAt - sentAt);
      } else {
        refused[ack.code] = (refused[ack.code] ?? 0) + 1;
      }
    }
  };
  await Promise.all([...senders.map(sendLoop), ...marks]);
  // Broadcasts of the last acked messages may still be on the wire.
  await sleep(300);

  latencies.sort((a, b) => a - b);
  const seconds = measureMs / 1000;
  const serverCpu = atT0.cpuMs === null || atT1.cpuMs === null ? null : atT1.cpuMs - atT0.cpuMs;
  const serverSystem = typeof atT0.systemMs !== 'number' || typeof atT1.systemMs !== 'number' ? null : atT1.systemMs - atT0.systemMs;
  const loopActive = atT0.loop && atT1.loop ? atT1.loop.active - atT0.loop.active : null;
  const loopBusy = loopActive === null ? null : loopActive / (loopActive + atT1.loop.idle - atT0.loop.idle);
  const clientCpu = (atT1.clientCpu.user + atT1.clientCpu.system - atT0.clientCpu.user - atT0.clientCpu.system) / 1000;
  const listeners = members.filter((m) => m.listener);
  return {
    senders: senders.length,
    roomSize: members.length,
    offered: rate > 0 ? senders.length * rate : null,
    acked: acked / seconds,
    refused,
    timedOut,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    deliveries: (atT1.delivered - atT0.delivered) / seconds,
    // Share of one core, and the server's CPU time per acknowledged message.
    serverCpuPct: serverCpu === null ? NaN : serverCpu / (measureMs / 100),
    serverCpuPerMsgUs: serverCpu === null || acked === 0 ? NaN : (serverCpu * 1000) / acked,
    // The system time in it (on the Tryg server, mostly the commits' fsyncs).
    serverSystemPerMsgUs: serverSystem === null || acked === 0 ? NaN : (serverSystem * 1000) / acked,
    clientCpuPct: clientCpu / (measureMs / 100),
    // How busy the server's event loop was, and the rate it would reach fully busy if the cost per
    // message stayed the same (a conservative projection for a server that batches under load).
    loopBusyPct: loopBusy === null ? NaN : loopBusy * 100,
    projectedMax: loopBusy === null || loopBusy === 0 ? NaN : acked / seconds / loopBusy,
    // Every listener should have received every message acknowledged in the step, in order.
    listenerCheck: {
      expected: ackedInStep,
      received: listeners.map((m) => m.delivered),
      outOfOrder: listeners.reduce((sum, m) => sum + m.outOfOrder, 0),
    },
  };
}
