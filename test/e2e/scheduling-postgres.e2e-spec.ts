import type { Meeting, RsvpResult } from '@tryg/shared';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import {
  createMeeting,
  createSchedulingGroup,
  MINUTE_MS,
  type SchedulingApp,
  type SchedulingGroup,
} from '../support/scheduling-fixtures';
import { clientWithToken, signInAdmin, startTestApp, type TestApp, tokenOf } from '../support/test-app';

/**
 * Two API instances, each with its own connection pool, on one PostgreSQL database: the job lease
 * and the RSVP row lock must hold under real concurrency, not just behind SQLite's write queue.
 */
describe('scheduling on PostgreSQL with two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let group: SchedulingGroup;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
    const now = new Date('2027-06-07T08:00:00.000Z');
    a.clock.set(now);
    b.clock.set(now);
    const s: SchedulingApp = { app: a, admin: await signInAdmin(a), scheduler: a.app.get(JobScheduler) };
    group = await createSchedulingGroup(s, 6);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('runs a due job on one instance only when both tick together', async () => {
    let runs = 0;
    const job = {
      name: 'pg-counting-job',
      everyMs: MINUTE_MS,
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    const [one, two] = [a.app.get(JobScheduler), b.app.get(JobScheduler)];
    one.register(job);
    two.register({ ...job });
    for (let round = 1; round <= 5; round++) {
      await Promise.all([one.tick(), two.tick()]);
      expect(runs).toBe(round);
      a.clock.advance(MINUTE_MS);
      b.clock.advance(MINUTE_MS);
    }
  });

  it('gives the last places to exactly as many members as there are, when they answer at once on both instances', async () => {
    const meeting: Meeting = await createMeeting(group, {
      startsAt: '2027-06-10T16:00:00.000Z',
      durationMinutes: 60,
      capacity: 2,
    });
    // Each member's own session, half of them on the other instance.
    const answers = await Promise.all(
      group.members.map((m, i) =>
        (i % 2 === 1 ? clientWithToken(b, tokenOf(m.client)) : m.client).put(`/meetings/${meeting.id}/rsvp`, {
          response: 'yes',
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(group.members.map(() => 200));
    const results = answers.map((r) => r.body as RsvpResult);
    expect(results.filter((r) => r.status === 'going')).toHaveLength(2);
    expect(
      results
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlistPosition)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    const listed = (await group.facilitator.get(`/groups/${group.groupId}/meetings`)).body.items as Meeting[];
    expect(listed.find((m) => m.id === meeting.id)?.going).toBe(2);
  });
});
