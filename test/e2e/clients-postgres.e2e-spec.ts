import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { CASE_JOBS } from '../../api/src/modules/clients/case-jobs';
import { createCoordinator, openCase, type Coordinator } from '../support/client-fixtures';
import { createGroupFixture } from '../support/groups';
import { createTestDatabase } from '../support/postgres';
import { type Client, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

/** Case work on PostgreSQL, with two API instances on one database (real concurrency, real pool). */
describe('case work on PostgreSQL with two instances', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let admin: Client;
  let anna: Coordinator;
  let bo: Coordinator;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, CASE_RETENTION_DAYS: '10' };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
    admin = await signInAdmin(a);
    anna = await createCoordinator(a, admin, 'Anna PG');
    bo = await createCoordinator(a, admin, 'Bo PG');
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('lets exactly one of two coordinators on two instances open the same reference at once', async () => {
    const onB = await signIn(b, bo.login, bo.password);
    const answers = await Promise.all([
      anna.client.post('/clients', { reference: 'Samtidig 12' }),
      onB.post('/clients', { reference: 'samtidig-12' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body).toEqual({ code: 'CONFLICT', message: expect.any(String) });
  });

  it('links referrals, hands over on disable, reminds and purges on PostgreSQL', async () => {
    const fixture = await createGroupFixture(a, admin);
    const opened = await openCase(anna, { reference: 'PG sag 7', nextReviewOn: '2020-01-01' });
    expect((await anna.client.post(`/clients/${opened.id}/coordinators`, { accountId: bo.id })).status).toBe(201);
    expect((await bo.client.post('/referrals', { groupId: fixture.groupId, clientReference: 'PG SAG 7' })).status).toBe(
      201,
    );
    await anna.client.post(`/clients/${opened.id}/tasks`, { title: 'Forfalden', owner: 'police', dueOn: '2020-01-02' });

    expect(await b.app.get(JobScheduler).tick()).toContain(CASE_JOBS.reminders);
    const kinds = (await anna.client.get('/me/notifications')).body.items.map((n: { kind: string }) => n.kind).sort();
    expect(kinds).toEqual(['client-review', 'task-due']);

    expect((await admin.post(`/admin/staff/${anna.id}/disable`)).status).toBe(200);
    const seen = await bo.client.get(`/clients/${opened.id}`);
    expect(seen.body).toMatchObject({ myRole: 'primary', overdueTasks: 1 });
    expect(seen.body.referrals).toHaveLength(1);

    expect((await bo.client.patch(`/clients/${opened.id}`, { status: 'closed' })).status).toBe(200);
    b.clock.advance(10 * 24 * 3600 * 1000 + 60_000);
    expect(await b.app.get(JobScheduler).tick()).toContain(CASE_JOBS.retention);
    b.clock.reset();
    const again = await signIn(a, bo.login, bo.password);
    expect((await again.get(`/clients/${opened.id}`)).status).toBe(404);
  });
});
