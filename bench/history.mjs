// Part 5 — History. A million stored messages in a thousand groups (written straight into the
// app's database, sealed as the app seals: lib/history-seed.mjs), then, from a client process over
// loopback, one request at a time: the latest 50 (`GET /groups/:id/messages`), a catch-up after
// 200 missed (`?after=<last seen id>`, page after page of 100 until `nextCursor` is null), and
// whether a catch-up costs what was missed (20, 200, 2000) rather than the room's size (1,000 vs
// 10,000 messages).
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { seededDatabase, stopApp } from './lib/history-app.mjs';
import { isHeld, writeHistory } from './lib/history-seed.mjs';
import { cpuTimeMs } from './lib/processes.mjs';
import { checkBuilt, startApp } from './lib/tryg-server.mjs';
import { percentile, round as roundTo } from './lib/stats.mjs';

export const name = 'history';
export const title = 'History';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = 100;
const TARGET_P99_MS = 5;

const DEFAULTS = {
  // 1,000 groups of 1,000 messages, and 5 large rooms of 10,000: 1,050,000 messages.
  full: { groups: 1000, perGroup: 1000, large: 5, largeSize: 10_000, readerGroups: 50, latest: 1000, catchUps: 200 },
  quick: { groups: 10, perGroup: 1000, large: 1, largeSize: 3000, readerGroups: 10, latest: 40, catchUps: 5 },
};

const round = (x, digits = 2) => roundTo(x, digits);
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), n: sorted.length };
};

async function getJson(baseUrl, token, path) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { cookie: `tryg_session=${token}` } });
  const body = await res.json();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(body)}`);
  return { body, ms };
}

/** How many messages after `seq` the reader sees: all but the held ones (none of them theirs). */
const visibleAfter = (seq, count) => {
  let n = 0;
  for (let s = seq + 1; s <= count; s++) if (!isHeld(s)) n++;
  return n;
};

export async function run({ quick, args = {}, log }) {
  const o = { ...DEFAULTS[quick ? 'quick' : 'full'] };
  for (const key of Object.keys(o)) if (args[key] !== undefined) o[key] = Number(args[key]);
  const main = checkBuilt(rootDir);

  // 1. The app migrated a fresh database, and the reader and one open group came through the real
  //    API (once per run; this is a copy of that stopped app's file).
  const { app, groupId: templateGroupId, token, accountId: readerAccountId } = await seededDatabase(rootDir, main);

  // 2. The messages, straight into the file while the app is stopped.
  const sizes = [...Array(o.groups).fill(o.perGroup), ...Array(o.large).fill(o.largeSize)];
  const every = Math.max(1, Math.floor(o.groups / o.readerGroups));
  const readerGroups = [
    ...Array.from({ length: Math.min(o.readerGroups, o.groups) }, (_, i) => i * every),
    ...Array.from({ length: o.large }, (_, i) => o.groups + i),
  ];
  const seedStart = performance.now();
  const groups = writeHistory({
    rootDir,
    dbPath: app.dbPath,
    dataKey: app.env.DATA_KEY,
    readerAccountId,
    templateGroupId,
    groups: sizes,
    readerGroups,
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  log(`wrote ${total} messages in ${groups.length} groups in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // 3. The app again, on the filled database.
  const server = await startApp(rootDir, main, app);
  const small = groups.filter((g) => g.ids && g.count === o.perGroup);
  const large = groups.filter((g) => g.ids && g.count === o.largeSize);
  const get = (path) => getJson(server.baseUrl, token, path);

  /** Runs `task` `n` times over `targets` in turn after one unmeasured round; times and server CPU per call. */
  const series = async (n, targets, task) => {
    for (const target of targets) await task(target);
    const times = [];
    let requests = 0;
    const cpu0 = cpuTimeMs(server.handle);
    for (let i = 0; i < n; i++) {
      const { ms, pages } = await task(targets[i % targets.length]);
      times.push(ms);
      requests += pages;
    }
    const cpuMs = cpuTimeMs(server.handle) - cpu0;
    return { ...stats(times), cpuPerRequestMs: cpuMs / requests, pages: requests / n };
  };

  const latestOf = async (group) => {
    const { body, ms } = await get(`/groups/${group.id}/messages`);
    const last = body.items.at(-1);
    if (body.items.length !== 50 || last.seq !== group.count || last.body === null) {
      throw new Error(
        `latest 50 of a ${group.count}-message room: got ${body.items.length}, last seq ${last?.seq}, body ${last?.body}`,
      );
    }
    return { ms, pages: 1 };
  };
  const catchUp = (missed) => async (group) => {
    const fromSeq = group.count - missed;
    let cursor = group.ids[fromSeq - 1];
    let received = 0;
    let pages = 0;
    let ms = 0;
    while (cursor) {
      const page = await get(`/groups/${group.id}/messages?after=${cursor}&limit=${PAGE}`);
      ms += page.ms;
      pages++;
      received += page.body.items.length;
      cursor = page.body.nextCursor;
    }
    const expected = visibleAfter(fromSeq, group.count);
    if (received !== expected)
      throw new Error(`catch-up after ${missed} missed: received ${received}, expected ${expected}`);
    return { ms, pages };
  };

  const latest = await series(o.latest, small, latestOf);
  const latestLarge = await series(Math.ceil(o.latest / 4), large, latestOf);
  const catchUpSmall = await series(o.catchUps, small, catchUp(200));
  const scaling = {};
  for (const missed of [20, 200, 2000]) scaling[missed] = await series(o.catchUps, large, catchUp(missed));
  await stopApp(server);

  const line = (label, s) =>
    `${label}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (${s.pages.toFixed(0)} page${s.pages > 1 ? 's' : ''}, server CPU ${s.cpuPerRequestMs.toFixed(2)} ms per page, n=${s.n})`;
  log(line(`latest 50, rooms of ${o.perGroup}`, latest));
  log(line(`latest 50, rooms of ${o.largeSize}`, latestLarge));
  log(line(`catch-up of 200, rooms of ${o.perGroup}`, catchUpSmall));
  for (const [missed, s] of Object.entries(scaling)) log(line(`catch-up of ${missed}, rooms of ${o.largeSize}`, s));

  const roomRatio = scaling[200].p50 / catchUpSmall.p50;
  const missedRatio = scaling[2000].p50 / scaling[200].p50;
  return {
    rows: [
      {
        measure: 'latest 50 p50',
        tryg: round(latest.p50),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: null,
        met: null,
      },
      {
        measure: 'latest 50 p99',
        tryg: round(latest.p99),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: `≤ ${TARGET_P99_MS} ms`,
        met: latest.p99 <= TARGET_P99_MS,
      },
      {
        measure: 'catch-up of 200 (2 pages) p50',
        tryg: round(catchUpSmall.p50),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: null,
        met: null,
      },
      {
        measure: 'catch-up of 200 (2 pages) p99',
        tryg: round(catchUpSmall.p99),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: `≤ ${2 * TARGET_P99_MS} ms`,
        met: catchUpSmall.p99 <= 2 * TARGET_P99_MS,
      },
      {
        measure: `latest 50 p50: room of ${o.largeSize} vs ${o.perGroup}`,
        tryg: round(latestLarge.p50),
        baseline: round(latest.p50),
        unit: 'ms',
        ratio: round(latestLarge.p50 / latest.p50),
        target: '≤ 1.5',
        met: latestLarge.p50 / latest.p50 <= 1.5,
      },
      {
        measure: `catch-up of 200 p50: room of ${o.largeSize} vs ${o.perGroup}`,
        tryg: round(scaling[200].p50),
        baseline: round(catchUpSmall.p50),
        unit: 'ms',
        ratio: round(roomRatio),
        target: '≤ 1.5',
        met: roomRatio <= 1.5,
      },
      {
        measure: 'catch-up of 2000 vs 200 missed, p50',
        tryg: round(scaling[2000].p50),
        baseline: round(scaling[200].p50),
        unit: 'ms',
        ratio: round(missedRatio),
        target: '≤ 12 (10× missed: linear, +20 %)',
        met: missedRatio <= 10 * 1.2,
      },
    ],
    lost: 0,
    duplicated: 0,
    notes: [
      `${total.toLocaleString('en')} messages in ${groups.length} groups (${o.groups} of ${o.perGroup}, ${o.large} of ${o.largeSize}), 10 authors each, 1 % held; one reader (a member) in ${readerGroups.length} of them`,
      `times as the client saw them on loopback, one request at a time; server CPU per page: latest 50 ${latest.cpuPerRequestMs.toFixed(2)} ms, catch-up ${catchUpSmall.cpuPerRequestMs.toFixed(2)} ms`,
      `catch-up in a room of ${o.largeSize}, p50: 20 missed ${scaling[20].p50.toFixed(2)} ms, 200 ${scaling[200].p50.toFixed(2)} ms, 2000 ${scaling[2000].p50.toFixed(2)} ms (pages of ${PAGE})`,
    ],
  };
}
