// `npm run screenshots`: the README's four screenshots, made from the demo (`npm run demo`) on a
// temporary database, by the real app in the machine's Chromium (or the npm package's where there
// is none). Nothing leaves 127.0.0.1.
//   SCREENSHOTS_DIR  where the PNG files go (default docs/screenshots)
//   CHROMIUM_PATH    the browser (default: the machine's Chromium, else @sparticuz/chromium)
//   TRYG_TEST_SERVICES=bundled  ignore the machine's Chromium (as the tests do)
// Needs a build (`npm run build`; the npm script does it first).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumExecutable } from './chromium-executable.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.env.SCREENSHOTS_DIR ?? join(root, 'docs', 'screenshots'));
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 860 };

for (const file of ['api/dist/main.js', 'api/dist/demo/demo.js', 'web/dist/index.html']) {
  if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function run(file, env) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [file], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? ok(stdout) : fail(new Error(`${file} exited ${code}: ${stderr}`))));
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 200; i += 1) {
    if (child.exitCode !== null) throw new Error(`the app stopped (exit ${child.exitCode})`);
    try {
      const res = await fetch(`${url}/api/v1/client-config`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not start');
}

const dataDir = mkdtempSync(join(tmpdir(), 'tryg-screenshots-'));
// The npm Chromium unpacks into the temp folder: this run's, removed with it.
process.env.TMPDIR = dataDir;
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'development',
  PORT: String(port),
  DATABASE_URL: `sqlite:${join(dataDir, 'demo.sqlite')}`,
  DATA_KEY: randomBytes(32).toString('base64'),
};
let server;
let browser;
try {
  const printed = await run(join(root, 'api/dist/demo/demo.js'), env);
  const logins = [...printed.matchAll(/^(admin|coordinator|facilitator|participant)\s+(\S+)\s+(\S+)/gm)].map((m) => ({
    role: m[1],
    login: m[2],
    password: m[3],
  }));
  const [coordinator] = logins.filter((l) => l.role === 'coordinator');
  const [facilitator] = logins.filter((l) => l.role === 'facilitator');
  const [participant] = logins.filter((l) => l.role === 'participant');
  if (!coordinator || !facilitator || !participant) throw new Error(`the demo printed no logins:\n${printed}`);

  server = spawn(process.execPath, [join(root, 'api/dist/main.js')], { cwd: root, env, stdio: 'ignore' });
  await waitForServer(url, server);
  const found = process.env.CHROMIUM_PATH
    ? { executablePath: process.env.CHROMIUM_PATH, env: process.env }
    : await chromiumExecutable({ useSystem: process.env.TRYG_TEST_SERVICES !== 'bundled' });
  browser = await chromium.launch({
    executablePath: found.executablePath,
    env: found.env,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });

  async function signedIn(person, viewport) {
    const context = await browser.newContext({
      baseURL: url,
      viewport,
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      colorScheme: 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="login"]').fill(person.login);
    await page.locator('input[name="password"]').fill(person.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('main h1').waitFor();
    return page;
  }

  const shoot = async (page, name) => {
    // Let the last answers and the layout settle; no caret blinking in the picture.
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(outDir, name), caret: 'hide', animations: 'disabled' });
  };

  mkdirSync(outDir, { recursive: true });
  const member = await signedIn(participant, PHONE);
  const groups = await (await member.request.get('/api/v1/groups')).json();
  const groupId = groups.items[0].id;

  // The facilitator is in the room too (the members see them "here now").
  const desk = await signedIn(facilitator, DESK);
  await desk.goto(`/groups/${groupId}/room`);
  await desk.locator('.message-list > li').nth(5).waitFor();

  await member.goto(`/groups/${groupId}/room`);
  await member.locator('.message-list > li').nth(5).waitFor();
  await member.locator('.presence-list li').nth(1).waitFor();
  await shoot(member, 'participant-room-phone.png');

  await member.goto('/log');
  await member.locator('.log-list > li').nth(2).waitFor();
  await shoot(member, 'incident-log-phone.png');

  await desk.goto(`/groups/${groupId}/moderation`);
  await desk.locator('.item-list > li').first().waitFor();
  await shoot(desk, 'facilitator-moderation.png');

  const coordinatorPage = await signedIn(coordinator, DESK);
  await coordinatorPage.goto('/referrals');
  await coordinatorPage.locator('.item-list > li').nth(5).waitFor();
  // The list of referrals with its filters (below the form for a new one).
  await coordinatorPage
    .locator('.referral-filters')
    .evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
  await shoot(coordinatorPage, 'coordinator-referrals.png');

  process.stdout.write(`Four screenshots in ${outDir}\n`);
} finally {
  await browser?.close();
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
