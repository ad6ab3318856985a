import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { CoverItem, Meeting } from '@tryg/shared';
import { MIGRATIONS } from '../../api/src/database/migrations';
import { CoverCareLoop1765000200000 } from '../../api/src/database/migrations/1765000200000-cover-care-loop';
import { HOUR_MS, type SchedulingApp, startSchedulingApp } from '../support/scheduling-fixtures';
import { signIn } from '../support/test-app';

const NOW = new Date('2027-09-06T08:00:00.000Z');
const STARTS = new Date(NOW.getTime() + 3 * 24 * HOUR_MS);
const FACILITATOR = { login: 'old.facilitator', password: 'old-facilitator-pw-1' };

/**
 * The upgrade: a database from before Facilitator cover, with meetings nobody has "taken" because
 * taking did not exist yet. After the migration they count as covered by the group's facilitators,
 * and the cover rules cancel none of them — not even in a group that had no facilitator to name.
 */
describe('cover: the upgrade marks existing meetings covered', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tryg-upgrade-'));
  const file = join(dir, 'tryg.sqlite');
  const ids = { staffed: randomUUID(), unstaffed: randomUUID(), staffedMeeting: randomUUID(), unstaffedMeeting: randomUUID() };
  let s: SchedulingApp;

  beforeAll(async () => {
    const before = new DataSource({
      type: 'better-sqlite3',
      database: file,
      // Every migration before the upgrade under test.
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(CoverCareLoop1765000200000)),
      migrationsTransactionMode: 'each',
    });
    await before.initialize();
    await before.runMigrations();
    const at = new Date(NOW.getTime() - 30 * 24 * HOUR_MS).toISOString();
    const hash = await argon2.hash(FACILITATOR.password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const accountId = randomUUID();
    const insert = (table: string, row: Record<string, unknown>) =>
      before.createQueryBuilder().insert().into(table).values(row).execute();
    await insert('accounts', { id: accountId, login: FACILITATOR.login, role: 'facilitator', locale: 'da', password_hash: hash, display_name: 'Birgit', disabled_at: null, created_at: at, updated_at: at });
    for (const [groupId, name] of [
      [ids.staffed, 'Mandagsgruppen'],
      [ids.unstaffed, 'Tirsdagsgruppen'],
    ]) {
      await insert('groups', { id: groupId, name, description: '', language: 'da', capacity: 8, timezone: 'Europe/Copenhagen', between_sessions: 'closed', rules: '', retention_days: 180, open_minutes_before: 10, require_facilitator: true, created_at: at, updated_at: at });
    }
    await insert('memberships', { id: randomUUID(), group_id: ids.staffed, account_id: accountId, role: 'facilitator', status: 'approved', display_name: 'Birgit', show_group_name: false, approved_at: at, created_at: at, updated_at: at });
    for (const [meetingId, groupId] of [
      [ids.staffedMeeting, ids.staffed],
      [ids.unstaffedMeeting, ids.unstaffed],
    ]) {
      const endsAt = new Date(STARTS.getTime() + 90 * 60_000).toISOString();
      await insert('meetings', { id: meetingId, group_id: groupId, schedule_id: null, series_index: null, starts_at: STARTS.toISOString(), ends_at: endsAt, duration_minutes: 90, title: null, capacity: null, cancelled: false, revision: 0, facilitator_joined_at: null, created_at: at, updated_at: at });
    }
    await before.destroy();
    s = await startSchedulingApp(NOW, { env: { DATABASE_URL: `sqlite:${file}` } });
  });
  afterAll(async () => {
    await s?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts a meeting that existed before as covered by its group's facilitators", async () => {
    const facilitator = await signIn(s.app, FACILITATOR.login, FACILITATOR.password);
    const res = await facilitator.get(`/groups/${ids.staffed}/meetings`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: Meeting) => [m.id, m.covered, m.cover])).toEqual([
      [ids.staffedMeeting, true, [{ displayName: 'Birgit' }]],
    ]);
    expect((await s.admin.get('/groups/' + ids.staffed)).body).toMatchObject({ coverCancelHours: 24, careLoopAfter: 2 });
    const gaps = (await s.admin.get('/cover-gaps')).body.items.map((i: CoverItem) => i.meeting.id);
    expect(gaps).not.toContain(ids.staffedMeeting);
  });

  it('cancels none of them, even in a group that had no facilitator to name', async () => {
    s.app.clock.set(new Date(STARTS.getTime() - 2 * HOUR_MS));
    expect(await s.scheduler.tick()).toContain('cover-auto-cancel');
    const rows: { id: string; cancelled: number }[] = await s.app.dataSource.query('SELECT id, cancelled FROM meetings ORDER BY id');
    expect(rows.map((r) => [r.id, Boolean(r.cancelled)]).sort()).toEqual(
      [
        [ids.staffedMeeting, false],
        [ids.unstaffedMeeting, false],
      ].sort(),
    );
  });
});
