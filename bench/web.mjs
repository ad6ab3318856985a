// Part 6 — Web. (1) The first page's JavaScript, gzipped: the entry script and the modulepreload
// chunks that web/dist/index.html names, each gzipped (level 6, what a server sends), against a
// 150 KB budget; and every script the sign-in page actually loads in a browser, gzipped the same
// way. (2) Time to interactive of the sign-in page on a throttled profile through Chromium's
// DevTools protocol — 4× CPU slowdown and DevTools' "Slow 4G" (562.5 ms latency, 1.44 Mbit/s down,
// 675 kbit/s up), cache disabled — served same-origin by the built API as in production.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeTempDir } from './lib/processes.mjs';
import { checkBuilt, newestChange, startTryg } from './lib/tryg-server.mjs';
import { round } from './lib/stats.mjs';

export const name = 'web';
export const title = 'Web';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const BUDGET_KB = 150;
// Chrome DevTools' "Slow 4G" preset (the same numbers DevTools applies: latency × 3.75, throughput × 0.9).
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;
// Interactive once the sign-in form is on screen and the main thread has had no long task (≥ 50 ms)
// for this long (Lighthouse's definition uses a 5 s quiet window; the page makes no requests then;
// --quick waits 1 s).
const QUIET_MS = { full: 3000, quick: 1000 };
const PAGE = '/login';
const READY_SELECTOR = 'input[name="password"]';

const DEFAULTS = { full: { runs: 3, quietMs: QUIET_MS.full }, quick: { runs: 1, quietMs: QUIET_MS.quick } };

const gzipKb = (buffer) => gzipSync(buffer, { level: 6 }).length / 1024;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function webDist() {
  const dist = join(rootDir, 'web', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      'web/dist/index.html is missing: run `npm run build` first (the benchmark measures the built web app).',
    );
  }
  return dist;
}

/** The entry script(s) and modulepreload chunks index.html names, with their gzipped sizes. */
function firstPageScripts(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const paths = new Set();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = tag.match(/\bsrc="([^"]+)"/)?.[1];
    if (src && /\btype="module"/.test(tag)) paths.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = tag.match(/\bhref="([^"]+)"/)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) paths.add(href);
  }
  if (paths.size === 0) throw new Error('web/dist/index.html names no module script');
  return [...paths].map((path) => {
    const file = join(dist, path.replace(/^\//, ''));
    const bytes = readFileSync(file);
    return { path, rawKb: bytes.length / 1024, gzipKb: gzipKb(bytes) };
  });
}

/** Warns when web/src is newer than the build. */
function warnIfStale(dist, log) {
  if (newestChange(join(rootDir, 'web', 'src')) > statSync(join(dist, 'index.html')).mtimeMs) {
    log('warning: web/src changed after the last build; run `npm run build` to measure the current code');
  }
}

/** In the page from its first script on: long tasks, and when the sign-in form first showed. */
const PAGE_PROBE = `
  window.__bench = { longTasks: [], readyAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (window.__bench.readyAt === null && document.querySelector(${JSON.stringify(READY_SELECTOR)})) {
      window.__bench.readyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
`;

/** One throttled cold load of the sign-in page: first contentful paint, form shown, interactive. */
async function throttledLoad(browser, baseUrl, quietMs) {
  const context = await browser.newContext({ locale: 'da-DK', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(PAGE_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const scripts = new Map();
    cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
      if (type === 'Script') scripts.set(requestId, response.url);
    });
    await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector(READY_SELECTOR, { state: 'visible', timeout: 120_000 });
    // Wait for a quiet main thread: no long task in the last `quietMs`.
    for (;;) {
      const { now, lastEnd } = await page.evaluate(() => ({
        now: performance.now(),
        lastEnd: Math.max(0, ...globalThis.__bench.longTasks.map((t) => t.end)),
      }));
      if (now - lastEnd >= quietMs && now - (await page.evaluate(() => globalThis.__bench.readyAt)) >= quietMs) break;
      await page.waitForTimeout(250);
    }
    const measured = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        fcp,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        readyAt: globalThis.__bench.readyAt,
        longTasks: globalThis.__bench.longTasks,
      };
    });
    const lastLongTaskEnd = Math.max(0, ...measured.longTasks.map((t) => t.end));
    return {
      ...measured,
      tti: Math.max(measured.readyAt, lastLongTaskEnd),
      longTaskMs: measured.longTasks.reduce((sum, t) => sum + (t.end - t.start), 0),
      scriptUrls: [...new Set(scripts.values())],
    };
  } finally {
    await context.close();
  }
}

export async function run({ quick, args = {}, log }) {
  const o = { ...DEFAULTS[quick ? 'quick' : 'full'] };
  if (args.runs !== undefined) o.runs = Number(args.runs);
  const dist = webDist();
  warnIfStale(dist, log);
  const first = firstPageScripts(dist);
  const firstKb = first.reduce((sum, s) => sum + s.gzipKb, 0);
  log(
    `index.html names ${first.length} scripts, ${first.reduce((s, f) => s + f.rawKb, 0).toFixed(1)} KB, ${firstKb.toFixed(1)} KB gzipped: ` +
      first.map((s) => `${s.path.replace('/assets/', '')} ${s.gzipKb.toFixed(1)}`).join(', '),
  );

  // The npm Chromium unpacks into TMPDIR: a folder of this run's own, removed at the end (and by
  // the clean-up on an error or Ctrl-C).
  const browserTmp = makeTempDir('tryg-bench-chromium-');
  const previousTmp = process.env.TMPDIR;
  let browser = null;
  const loads = [];
  try {
    process.env.TMPDIR = browserTmp;
    const { chromiumExecutable } = await import('../tools/chromium-executable.mjs');
    const { chromium } = require('playwright-core');
    // The app boots while Chromium unpacks.
    const [server, found] = await Promise.all([startTryg(rootDir, checkBuilt(rootDir)), chromiumExecutable()]);
    browser = await chromium.launch({
      executablePath: found.executablePath,
      env: { ...found.env, TMPDIR: browserTmp },
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    log(`Chromium (${found.source}); ${o.runs} throttled load${o.runs > 1 ? 's' : ''} of ${PAGE}`);
    for (let i = 0; i < o.runs; i++) {
      const r = await throttledLoad(browser, server.baseUrl, o.quietMs);
      loads.push(r);
      log(
        `load ${i + 1}: first contentful paint ${r.fcp?.toFixed(0)} ms, sign-in form ${r.readyAt.toFixed(0)} ms, ` +
          `interactive ${r.tti.toFixed(0)} ms (${r.longTasks.length} long tasks, ${r.longTaskMs.toFixed(0)} ms), ${r.scriptUrls.length} scripts`,
      );
    }
  } finally {
    await browser?.close().catch(() => undefined);
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(browserTmp, { recursive: true, force: true });
  }

  // Every script the page loaded, gzipped from the same files.
  const loadedPaths = loads[0].scriptUrls.map((url) => new URL(url).pathname);
  const loadedKb = loadedPaths.reduce((sum, path) => {
    const file = join(dist, path.replace(/^\//, ''));
    return sum + (existsSync(file) ? gzipKb(readFileSync(file)) : 0);
  }, 0);
  const tti = median(loads.map((l) => l.tti));
  const fcp = median(loads.map((l) => l.fcp ?? NaN));
  const ready = median(loads.map((l) => l.readyAt));
  const lateChunks = loadedPaths.filter((p) => !first.some((f) => f.path === p));
  return {
    rows: [
      {
        measure: "first page's JavaScript (entry + modulepreload), gzipped",
        tryg: round(firstKb),
        baseline: null,
        unit: 'KB',
        ratio: null,
        target: `≤ ${BUDGET_KB} KB`,
        met: firstKb <= BUDGET_KB,
      },
      {
        measure: `every script ${PAGE} loads in the browser, gzipped`,
        tryg: round(loadedKb),
        baseline: null,
        unit: 'KB',
        ratio: null,
        target: `≤ ${BUDGET_KB} KB`,
        met: loadedKb <= BUDGET_KB,
      },
      {
        measure: `time to interactive, ${PAGE}, 4× CPU + Slow 4G (median of ${loads.length})`,
        tryg: round(tti, 0),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: null,
        met: null,
      },
      {
        measure: 'first contentful paint, same profile',
        tryg: round(fcp, 0),
        baseline: null,
        unit: 'ms',
        ratio: null,
        target: null,
        met: null,
      },
    ],
    lost: 0,
    duplicated: 0,
    notes: [
      `gzip level 6 of each file; the first page names ${first.length} scripts in index.html` +
        (lateChunks.length
          ? `, and loads ${lateChunks.length} more (${lateChunks.map((p) => p.replace('/assets/', '')).join(', ')})`
          : ''),
      `interactive = the later of the sign-in form on screen (median ${ready.toFixed(0)} ms) and the end of the last long task before ${o.quietMs / 1000} s of quiet; cache disabled, served by the built API from web/dist; Slow 4G = DevTools' preset (${SLOW_4G.latency} ms, ${((SLOW_4G.downloadThroughput * 8) / 1e6).toFixed(2)} Mbit/s down)`,
    ],
  };
}
