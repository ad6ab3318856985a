// Part 3 — Connections. 10,000 signed-in members (lib/members-seed.mjs: 1,000 open rooms of 10)
// connect to one Tryg instance and join their rooms, from several load processes; the server's
// memory after a full collection (RSS and V8 heap) before and after gives the memory per connected
// member. The plain socket.io server takes the same connections and joins in the same run.
// Target: Tryg's memory per member ≤ 2× the plain server's.
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startAppWithMembers } from './lib/members-seed.mjs';
import { cpuTimeMs, memoryOf } from './lib/processes.mjs';
import { closeAll, connectAll, dealRooms, startPlain, startWorkers, workersMemory } from './lib/rooms-load.mjs';
import { checkBuilt } from './lib/tryg-server.mjs';
import { round } from './lib/stats.mjs';

export const name = 'connections';
export const title = 'Connections';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 2;
// After the joins, before reading memory: presence broadcasts and session touches settle.
const SETTLE_MS = 1500;

const DEFAULTS = {
  full: { members: 10_000, perRoom: 10, workers: 2 },
  quick: { members: 150, perRoom: 10, workers: 2 },
};

const kb = (bytes) => bytes / 1024;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);

async function measureServer(label, handle, workers, shares, baseUrl, members, log) {
  const before = await memoryOf(handle);
  const cpuBefore = cpuTimeMs(handle);
  const started = Date.now();
  const { sockets } = await connectAll(workers, shares, { target: label, baseUrl });
  const connectSeconds = (Date.now() - started) / 1000;
  const cpuPerConnectMs = (cpuTimeMs(handle) - cpuBefore) / members;
  if (sockets !== members) throw new Error(`${label}: ${sockets} of ${members} sockets connected`);
  await sleep(SETTLE_MS);
  const after = await memoryOf(handle);
  if (!before || !after) throw new Error(`${label}: the server did not report its memory`);
  if (handle.exited) throw new Error(`${handle.name} exited during the run:\n${handle.output()}`);
  const clients = await workersMemory(workers);
  await closeAll(workers, label);
  const r = {
    rssPerMember: (after.rss - before.rss) / members,
    heapPerMember: (after.heapUsed - before.heapUsed) / members,
    before,
    after,
    connectSeconds,
    connectsPerSecond: members / connectSeconds,
    cpuPerConnectMs,
    clientRss: clients.reduce((s, m) => s + m.rss, 0),
  };
  log(
    `${label}: ${members} sockets connected and joined in ${connectSeconds.toFixed(1)} s (${r.connectsPerSecond.toFixed(0)}/s, ${cpuPerConnectMs.toFixed(2)} ms server CPU each); ` +
      `RSS ${mb(before.rss)} → ${mb(after.rss)} MB (${kb(r.rssPerMember).toFixed(1)} KB per member), ` +
      `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB (${kb(r.heapPerMember).toFixed(1)} KB per member); ` +
      `load processes ${mb(r.clientRss)} MB RSS`,
  );
  return r;
}

export async function run({ quick, args = {}, log }) {
  const o = { ...DEFAULTS[quick ? 'quick' : 'full'] };
  for (const key of Object.keys(o)) if (args[key] !== undefined) o[key] = Number(args[key]);
  const rooms = Math.ceil(o.members / o.perRoom);
  const members = rooms * o.perRoom;
  const main = checkBuilt(rootDir);

  const started = Date.now();
  // --expose-gc: each reads its memory after a full collection, so garbage does not count.
  const [{ server: tryg, rooms: seeded }, plain] = await Promise.all([
    startAppWithMembers(rootDir, main, { rooms, perRoom: o.perRoom, nodeArgs: ['--expose-gc'] }),
    startPlain(rootDir, ['--expose-gc']),
  ]);
  log(`seeded ${members} members in ${rooms} rooms in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const workers = startWorkers(rootDir, o.workers, { heapMb: 4096 });
  const trygShares = dealRooms(
    seeded.map((r) => ({ groupId: r.groupId, tokens: r.tokens, size: o.perRoom })),
    workers,
  );
  const plainShares = dealRooms(
    seeded.map((_, g) => ({ groupId: `bench-room-${g + 1}`, tokens: null, size: o.perRoom })),
    workers,
  );

  const t = await measureServer('tryg', tryg.handle, workers, trygShares, tryg.baseUrl, members, log);
  const p = await measureServer('plain', plain.handle, workers, plainShares, plain.baseUrl, members, log);

  const rssRatio = t.rssPerMember / p.rssPerMember;
  const heapRatio = t.heapPerMember / p.heapPerMember;
  return {
    rows: [
      {
        measure: `connected members (rooms of ${o.perRoom}, joined)`,
        tryg: members,
        baseline: members,
        unit: '',
        ratio: null,
        target: null,
        met: null,
      },
      {
        measure: 'RSS per connected member',
        tryg: round(kb(t.rssPerMember)),
        baseline: round(kb(p.rssPerMember)),
        unit: 'KB',
        ratio: round(rssRatio, 2),
        target: `≤ ${TARGET_RATIO}`,
        met: rssRatio <= TARGET_RATIO,
      },
      {
        measure: 'V8 heap per connected member',
        tryg: round(kb(t.heapPerMember)),
        baseline: round(kb(p.heapPerMember)),
        unit: 'KB',
        ratio: round(heapRatio, 2),
        target: `≤ ${TARGET_RATIO}`,
        met: heapRatio <= TARGET_RATIO,
      },
      {
        measure: `server RSS with ${members} members connected`,
        tryg: Number(mb(t.after.rss)),
        baseline: Number(mb(p.after.rss)),
        unit: 'MB',
        ratio: round(t.after.rss / p.after.rss, 2),
        target: null,
        met: null,
      },
      {
        measure: 'server CPU per connect + join',
        tryg: round(t.cpuPerConnectMs, 2),
        baseline: round(p.cpuPerConnectMs, 2),
        unit: 'ms',
        ratio: round(t.cpuPerConnectMs / p.cpuPerConnectMs, 2),
        target: null,
        met: null,
      },
      {
        measure: 'connects + joins per second',
        tryg: round(t.connectsPerSecond, 0),
        baseline: round(p.connectsPerSecond, 0),
        unit: '/s',
        ratio: round(t.connectsPerSecond / p.connectsPerSecond, 2),
        target: null,
        met: null,
      },
    ],
    lost: 0,
    duplicated: 0,
    notes: [
      `memory after a full GC (--expose-gc) before any socket and with all ${members} connected and joined, ÷ members; ${o.workers} load processes (${mb(t.clientRss)} MB RSS holding Tryg's sockets); ${availableParallelism()} cores`,
      `idle server: Tryg RSS ${mb(t.before.rss)} MB, heap ${mb(t.before.heapUsed)} MB; plain RSS ${mb(p.before.rss)} MB, heap ${mb(p.before.heapUsed)} MB`,
    ],
  };
}
