import type { Meeting } from '@tryg/shared';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { again, type CoverGroup, createCoverGroup, kindOf } from '../support/cover-fixtures';
import { createTestDatabase } from '../support/postgres';
import { HOUR_MS, MINUTE_MS, type SchedulingApp } from '../support/scheduling-fixtures';
import { signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/**
 * Two API instances, each with its own pool, on one PostgreSQL database, both ticking their job
 * scheduler at the same moment: the uncovered meeting is cancelled exactly once, and its staff
 * hear of the gap exactly once.
 */
describe('cover on PostgreSQL with two instances', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let group: CoverGroup;
  let meeting: Meeting;
  const NOW = new Date('2027-06-07T08:00:00.000Z');
  const S = new Date(NOW.getTime() + 4 * 24 * HOUR_MS);
  const both = (instant: Date) => {
    a.clock.set(instant);
    b.clock.set(instant);
  };
  const tickBoth = () => Promise.all([a.app.get(JobScheduler).tick(), b.app.get(JobScheduler).tick()]);

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
    both(NOW);
    const s: SchedulingApp = { app: a, admin: await signInAdmin(a), scheduler: a.app.get(JobScheduler) };
    group = await createCoverGroup(s, s.admin, 3);
    const created = await group.facilitators[0].client.post(`/groups/${group.groupId}/meetings`, {
      startsAt: S.toISOString(),
      durationMinutes: 90,
    });
    expect(created.status).toBe(201);
    meeting = created.body as Meeting;
    for (const member of group.members) {
      expect((await member.client.put(`/meetings/${meeting.id}/rsvp`, { response: 'yes' })).status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('sends the gap notice once when both instances run the job together', async () => {
    both(new Date(S.getTime() - 72 * HOUR_MS + MINUTE_MS));
    const ran = await tickBoth();
    expect(ran.filter((names) => names.includes('cover-gap-notices'))).toHaveLength(1);
    for (const facilitator of group.facilitators) {
      expect(await kindOf(await again(a, facilitator), 'cover-gap')).toHaveLength(1);
    }
    both(new Date(S.getTime() - 72 * HOUR_MS + 3 * MINUTE_MS));
    await tickBoth();
    expect(await kindOf(await again(b, group.facilitators[0]), 'cover-gap')).toHaveLength(1);
  });

  it('cancels the uncovered meeting exactly once at coverCancelHours', async () => {
    both(new Date(S.getTime() - 24 * HOUR_MS + MINUTE_MS));
    const ran = await tickBoth();
    expect(ran.filter((names) => names.includes('cover-auto-cancel'))).toHaveLength(1);
    // Both again in the next slot: nothing more happens.
    both(new Date(S.getTime() - 24 * HOUR_MS + 3 * MINUTE_MS));
    await tickBoth();

    const rows: { cancelled: boolean; revision: number }[] = await a.dataSource.query(
      'SELECT cancelled, revision FROM meetings WHERE id = $1',
      [meeting.id],
    );
    expect(rows).toEqual([{ cancelled: true, revision: 1 }]);
    for (const [i, member] of group.members.entries()) {
      const client = await again(i % 2 ? b : a, member);
      expect((await kindOf(client, 'meeting-cancelled')).map((n) => n.text)).toEqual([
        'Din aftale i morgen kl. 10.00 er aflyst',
      ]);
    }
    const audit: { count: string }[] = await a.dataSource.query(
      "SELECT COUNT(*) AS count FROM audit_events WHERE type = 'meeting.cover.auto-cancelled' AND subject_id = $1",
      [meeting.id],
    );
    expect(Number(audit[0].count)).toBe(1);
  });
});
