import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtApiFile } from '../support/built-api';
import { seedDemo } from '../../api/src/demo/seed-demo';
import { Client, createStaff, REPO_ROOT, signInAdmin, startTestApp } from '../support/test-app';

function run(file: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The Danish weekday of an instant, on Copenhagen's wall clock ("mandag"). */
const weekday = (iso: string) => new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

/** Each group's name against the weekdays its meetings (the next 60 days from `from`) fall on. */
async function meetingDays(facilitator: Client, from: number): Promise<[string, string[]][]> {
  const led = (await facilitator.get('/groups')).body.items as { id: string; name: string }[];
  expect(led).toHaveLength(2);
  const to = new Date(from + 60 * 86_400_000).toISOString();
  const days: [string, string[]][] = [];
  for (const group of led) {
    const meetings = (await facilitator.get(`/groups/${group.id}/meetings?to=${encodeURIComponent(to)}`)).body.items as { startsAt: string }[];
    expect(meetings.length).toBeGreaterThanOrEqual(4);
    days.push([group.name, [...new Set(meetings.map((m) => `${weekday(m.startsAt)}sgruppen`))]]);
  }
  return days;
}

describe('npm run demo', () => {
  it('seeds a temporary database, exits 0, and every printed login signs in', async () => {
    const demo = builtApiFile('demo/demo.js');
    const dir = mkdtempSync(join(tmpdir(), 'tryg-demo-'));
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}`,
      DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
      TRYG_ADMIN_LOGIN: 'first.admin',
      TRYG_ADMIN_PASSWORD: 'first admin password',
    };
    try {
      const result = await run(demo, { ...env, PORT: '4321' });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // The address the app is served on (its configured port), not the seeding's private one.
      expect(result.stdout).toContain('http://localhost:4321/');
      const logins = [...result.stdout.matchAll(/^(admin|coordinator|facilitator|participant)\s+(\S+)\s+(\S+)/gm)].map((m) => ({ role: m[1], login: m[2], password: m[3] }));
      expect(logins.map((l) => l.role)).toEqual(['admin', 'coordinator', 'facilitator', ...Array(7).fill('participant')]);
      const app = await startTestApp({ env });
      try {
        for (const l of logins) {
          const client = new Client(app.url);
          const res = await client.post('/auth/login', { login: l.login, password: l.password });
          expect([l.login, res.status]).toEqual([l.login, 200]);
          expect(res.body.account.role).toBe(l.role);
        }
        const participant = new Client(app.url);
        await participant.post('/auth/login', { login: logins[3].login, password: logins[3].password });
        const groups = await participant.get('/groups');
        const history = await participant.get(`/groups/${groups.body.items[0].id}/messages`);
        expect(history.body.items.length).toBeGreaterThanOrEqual(6);
        // Notes in the participant's log, for the log's screens.
        expect((await participant.get('/me/incidents')).body.items.length).toBeGreaterThanOrEqual(3);

        // Every group meets on the weekday its name says ("Torsdagsgruppen" on Thursdays).
        const facilitator = new Client(app.url);
        await facilitator.post('/auth/login', { login: logins[2].login, password: logins[2].password });
        for (const [name, days] of await meetingDays(facilitator, Date.now())) expect([name, days]).toEqual([name, [name.toLowerCase()]]);
        // Something on every main screen: a person waiting, a report, referrals in several states.
        const led = (await facilitator.get('/groups')).body.items as { id: string }[];
        const waiting = led.map(async (group) => ((await facilitator.get(`/groups/${group.id}/members`)).body.items as { status: string }[]).filter((m) => m.status === 'pending').length);
        expect((await Promise.all(waiting)).reduce((a, b) => a + b, 0)).toBe(1);
        const reports = await facilitator.get(`/groups/${groups.body.items[0].id}/reports`);
        expect(reports.body.items.length).toBe(1);
        const coordinator = new Client(app.url);
        await coordinator.post('/auth/login', { login: logins[1].login, password: logins[1].password });
        const statuses = new Set(((await coordinator.get('/referrals')).body.items as { status: string }[]).map((r) => r.status));
        expect([...statuses].sort()).toEqual(['approved', 'issued', 'redeemed', 'revoked']);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('just after midnight, the group in session is named after the day its session started', async () => {
    const app = await startTestApp();
    try {
      // 00:05 on a Monday in Copenhagen: the session on now started at 23:45 on Sunday.
      const monday = new Date(Date.now() + 7 * 86_400_000);
      while (weekday(monday.toISOString()) !== 'mandag') monday.setTime(monday.getTime() + 86_400_000);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(monday);
      const at0005Utc = new Date(`${day}T00:05:00Z`);
      const copenhagenHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(at0005Utc));
      const now = new Date(at0005Utc.getTime() - copenhagenHour * 3600_000);
      app.clock.set(now);
      const admin = await signInAdmin(app);
      const logins = await seedDemo(app.url, async (login, password) => void (await createStaff(app, admin, 'admin', login, password)), now);
      const facilitator = new Client(app.url);
      const { login, password } = logins.find((l) => l.role === 'facilitator')!;
      await facilitator.post('/auth/login', { login, password });
      const days = await meetingDays(facilitator, now.getTime() - 3600_000);
      expect(days.map(([name]) => name).sort()).toEqual(['Onsdagsgruppen', 'Søndagsgruppen']);
      for (const [name, seen] of days) expect([name, seen]).toEqual([name, [name.toLowerCase()]]);
    } finally {
      await app.close();
    }
  }, 90_000);
});
