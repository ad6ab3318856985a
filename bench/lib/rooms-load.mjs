// Drives the load processes of lib/rooms-worker.mjs: whole rooms dealt out to them, requests
// answered over IPC. They are started through processes.mjs, so clean-up stops them like the servers.
import { join } from 'node:path';
import { freePort, startNode, waitForHttp } from './processes.mjs';

let nextId = 1;

function request(handle, message, timeoutMs) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${handle.name}: no answer to ${message.type} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (answer) => {
      if (!answer || answer.id !== id) return;
      cleanup();
      if (answer.type === 'error') reject(new Error(`${handle.name}: ${answer.message}`));
      else resolve(answer);
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`${handle.name} exited:\n${handle.output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      handle.child.off('message', onMessage);
      handle.child.off('exit', onExit);
    };
    handle.child.on('message', onMessage);
    handle.child.once('exit', onExit);
    handle.child.send({ ...message, id });
  });
}

/** `count` load processes. `heapMb` raises their heap limit (10,000 sockets need more than the default). */
export function startWorkers(rootDir, count, { heapMb = null } = {}) {
  const script = join(rootDir, 'bench', 'lib', 'rooms-worker.mjs');
  const args = heapMb ? [`--max-old-space-size=${heapMb}`, script] : [script];
  return Array.from({ length: count }, (_, i) =>
    startNode(`load process ${i + 1}`, args, { PATH: process.env.PATH, NODE_ENV: 'production' }),
  );
}

/** Deals rooms out to the workers round-robin (whole rooms, so each room's clock is one process's). */
export function dealRooms(rooms, workers) {
  const shares = workers.map(() => []);
  rooms.forEach((room, i) => shares[i % workers.length].push(room));
  return shares;
}

/** Connects (and joins) every share's rooms on `target`; resolves with the sockets per worker and the time. */
export async function connectAll(workers, shares, { target, baseUrl, join: joinRooms = true, timeoutMs = 600_000 }) {
  const answers = await Promise.all(
    workers.map((w, i) =>
      request(w, { type: 'connect', target, baseUrl, rooms: shares[i], join: joinRooms }, timeoutMs),
    ),
  );
  return { sockets: answers.reduce((s, a) => s + a.sockets, 0), ms: Math.max(...answers.map((a) => a.ms)) };
}

export function closeAll(workers, target) {
  return Promise.all(workers.map((w) => request(w, { type: 'close', target }, 30_000)));
}

/** Every worker's `process.memoryUsage()`. */
export function workersMemory(workers) {
  return Promise.all(workers.map((w) => request(w, { type: 'memory' }, 30_000).then((a) => a.memory)));
}

/** One step on every worker at once (from `startAt`, epoch ms), merged. */
export async function stepAll(workers, { target, rate, startAt, warmupMs, measureMs, graceMs }) {
  const answers = await Promise.all(
    workers.map((w) =>
      request(w, { type: 'step', target, rate, startAt, warmupMs, measureMs, graceMs }, warmupMs + measureMs + 60_000),
    ),
  );
  const sum = (key) => answers.reduce((s, a) => s + a[key], 0);
  const refused = {};
  for (const a of answers) for (const [code, n] of Object.entries(a.refused)) refused[code] = (refused[code] ?? 0) + n;
  const latencies = answers.flatMap((a) => a.latencies).sort((a, b) => a - b);
  return {
    sentInWindow: sum('sentInWindow'),
    ackedInWindow: sum('ackedInWindow'),
    deliveries: sum('deliveries'),
    skipped: sum('skipped'),
    timedOut: sum('timedOut'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    unackedReceived: sum('unackedReceived'),
    clientCpuMs: sum('clientCpuMs'),
    clientCpuMaxMs: Math.max(...answers.map((a) => a.clientCpuMs)),
    refused,
    latencies,
  };
}

/** The plain socket.io server (lib/plain-chat-server.mjs) on a free port. */
export async function startPlain(rootDir, nodeArgs = []) {
  const port = await freePort();
  const script = join(rootDir, 'bench', 'lib', 'plain-chat-server.mjs');
  const handle = startNode('plain socket.io server', [...nodeArgs, script, String(port)], {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(handle, `${baseUrl}/api/health`);
  return { handle, baseUrl };
}
