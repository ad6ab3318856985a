import type { NotificationItem } from '@tryg/shared';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { CASE_JOBS } from '../../api/src/modules/clients/case-jobs';
import { auditOf, createCoordinator, freezeClock, openCase, type Coordinator } from '../support/client-fixtures';
import { type Client, signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

// Tuesday 9 March 2027, 11:00 in Copenhagen.
const NOW = new Date('2027-03-09T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** Sessions idle out when the clock moves by days: sign in again after each move. */
async function fresh(app: TestApp, c: Coordinator): Promise<Client> {
  return signIn(app, c.login, c.password);
}

async function notices(app: TestApp, c: Coordinator, kind: NotificationItem['kind']): Promise<NotificationItem[]> {
  const res = await (await fresh(app, c)).get('/me/notifications');
  expect(res.status).toBe(200);
  return (res.body.items as NotificationItem[]).filter((n) => n.kind === kind);
}

describe('case work: reminders on the app clock', () => {
  let app: TestApp;
  let scheduler: JobScheduler;
  let admin: Client;
  let anna: Coordinator;
  let bo: Coordinator;
  let dan: Coordinator;
  let caseId: string;
  const reference = 'Påmindelse-sag 8080';

  /** Moves the clock and runs the due jobs, as the scheduler's timer would. */
  async function at(instant: string): Promise<void> {
    app.clock.set(new Date(instant));
    expect(await scheduler.tick()).toContain(CASE_JOBS.reminders);
  }

  beforeAll(async () => {
    app = await startTestApp();
    scheduler = app.app.get(JobScheduler);
    freezeClock(app, NOW);
    admin = await signInAdmin(app);
    anna = await createCoordinator(app, admin, 'Anna');
    bo = await createCoordinator(app, admin, 'Bo');
    dan = await createCoordinator(app, admin, 'Dan');
    expect((await bo.client.patch('/auth/me', { locale: 'en' })).status).toBe(200);

    caseId = (await openCase(anna, { reference, nextReviewOn: '2027-03-12' })).id;
    for (const c of [bo, dan])
      expect((await anna.client.post(`/clients/${caseId}/coordinators`, { accountId: c.id })).status).toBe(201);
    // An older screening whose re-screen date has passed: superseded by the latest, it never reminds.
    await anna.client.post(`/clients/${caseId}/screenings`, {
      instrument: 'S-DASH',
      screenedOn: '2027-02-01',
      answers: { '1': 'no' },
      riskLevel: 'standard',
      rescreenOn: '2027-03-05',
    });
    const latest = await anna.client.post(`/clients/${caseId}/screenings`, {
      instrument: 'S-DASH',
      screenedOn: '2027-03-01',
      answers: { '1': 'yes' },
      riskLevel: 'high',
    });
    expect(latest.body.rescreenOn).toBe('2027-03-31');
    for (const [title, status] of [
      ['Politiet: kontaktperson', 'open'],
      ['Allerede gjort', 'done'],
      ['I gang', 'doing'],
      ['Opgivet', 'dropped'],
    ]) {
      const res = await anna.client.post(`/clients/${caseId}/tasks`, {
        title,
        owner: 'police',
        dueOn: '2027-03-10',
        status,
      });
      expect(res.status).toBe(201);
    }
    const closed = await openCase(anna, { nextReviewOn: '2027-03-10' });
    await anna.client.post(`/clients/${closed.id}/tasks`, { title: 'Lukket sag', owner: 'dsc', dueOn: '2027-03-10' });
    expect((await anna.client.patch(`/clients/${closed.id}`, { status: 'closed' })).status).toBe(200);
    // Dan is away: disabled accounts get no reminders.
    expect((await admin.post(`/admin/staff/${dan.id}/disable`)).status).toBe(200);
  });
  afterAll(() => app.close());

  it('sends nothing before anything is due', async () => {
    await at(NOW.toISOString());
    for (const kind of ['client-review', 'rescreen-due', 'task-due'] as const)
      expect(await notices(app, anna, kind)).toEqual([]);
  });

  it('reminds every active coordinator of each unfinished task on its due date (Danish midnight), once, in neutral words', async () => {
    // 00:30 on 10 March in Copenhagen is still 9 March in UTC.
    await at('2027-03-09T23:30:00.000Z');
    const annas = await notices(app, anna, 'task-due');
    expect(annas.map((n) => n.text)).toEqual([
      'En opgave i en af dine sager har frist',
      'En opgave i en af dine sager har frist',
    ]);
    expect((await notices(app, bo, 'task-due')).map((n) => n.text)).toEqual([
      'A task in one of your cases is due',
      'A task in one of your cases is due',
    ]);
    expect(await notices(app, dan, 'task-due').catch(() => 'signed out')).toBe('signed out');
    await at('2027-03-10T06:00:00.000Z');
    expect(await notices(app, anna, 'task-due')).toHaveLength(2);
    for (const n of annas) {
      expect(n.text).not.toContain('8080');
      expect(n.text).not.toContain('Politiet');
    }
  });

  it('reminds of the review date once, and again when the date is moved', async () => {
    await at('2027-03-11T12:00:00.000Z');
    expect(await notices(app, anna, 'client-review')).toEqual([]);
    await at('2027-03-12T07:00:00.000Z');
    expect((await notices(app, anna, 'client-review')).map((n) => n.text)).toEqual(['En af dine sager skal gennemgås']);
    expect((await notices(app, bo, 'client-review')).map((n) => n.text)).toEqual([
      'One of your cases is due for review',
    ]);
    await at('2027-03-12T08:00:00.000Z');
    expect(await notices(app, anna, 'client-review')).toHaveLength(1);
    const annaNow = await fresh(app, anna);
    expect((await annaNow.patch(`/clients/${caseId}`, { nextReviewOn: '2027-03-20' })).status).toBe(200);
    await at('2027-03-19T12:00:00.000Z');
    expect(await notices(app, anna, 'client-review')).toHaveLength(1);
    await at('2027-03-20T12:00:00.000Z');
    expect(await notices(app, anna, 'client-review')).toHaveLength(2);
  });

  it("reminds of the latest screening's re-screen date, once, and the case then shows it due", async () => {
    expect(await notices(app, anna, 'rescreen-due')).toEqual([]);
    await at('2027-03-31T05:00:00.000Z');
    expect((await notices(app, anna, 'rescreen-due')).map((n) => n.text)).toEqual([
      'En af dine sager skal screenes igen',
    ]);
    expect((await notices(app, bo, 'rescreen-due')).map((n) => n.text)).toEqual([
      'One of your cases is due for a new screening',
    ]);
    await at('2027-04-01T05:00:00.000Z');
    expect(await notices(app, anna, 'rescreen-due')).toHaveLength(1);
    const view = await (await fresh(app, anna)).get(`/clients/${caseId}`);
    expect(view.body).toMatchObject({ rescreenDue: true, reviewDue: true });
  });

  it('sends nothing for a closed case, a finished task, or to a disabled coordinator', async () => {
    // Two task reminders (open and doing) and nothing from the closed case.
    expect(await notices(app, anna, 'task-due')).toHaveLength(2);
    const [row] = await app.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE account_id = ?', [dan.id]);
    expect(Number(row.n)).toBe(0);
    const stored: { text: string; dedupe_key: string }[] = await app.dataSource.query(
      'SELECT text, dedupe_key FROM notifications',
    );
    expect(JSON.stringify(stored)).not.toContain('8080');
  });
});

describe('case work: retention of closed cases', () => {
  let app: TestApp;
  let scheduler: JobScheduler;
  let anna: Coordinator;

  beforeAll(async () => {
    app = await startTestApp({ env: { CASE_RETENTION_DAYS: '30' } });
    scheduler = app.app.get(JobScheduler);
    freezeClock(app, NOW);
    anna = await createCoordinator(app, await signInAdmin(app), 'Anna');
  });
  afterAll(() => app.close());

  it(`deletes a closed case CASE_RETENTION_DAYS after closing, with its plan and screenings; nothing sooner, nothing active`, async () => {
    expect(app.config.caseRetentionDays).toBe(30);
    const expiring = await openCase(anna, { reference: 'Lukket længe 1' });
    await anna.client.post(`/clients/${expiring.id}/tasks`, { title: 'Gammel opgave', owner: 'police' });
    await anna.client.post(`/clients/${expiring.id}/screenings`, {
      instrument: 'SASH',
      screenedOn: '2027-03-01',
      answers: { '1': 'no' },
      riskLevel: 'standard',
    });
    expect((await anna.client.patch(`/clients/${expiring.id}`, { status: 'closed' })).status).toBe(200);
    const reopened = await openCase(anna, { reference: 'Genåbnet' });
    expect((await anna.client.patch(`/clients/${reopened.id}`, { status: 'closed' })).status).toBe(200);
    expect((await anna.client.patch(`/clients/${reopened.id}`, { status: 'active' })).status).toBe(200);
    const active = await openCase(anna, { reference: 'Stadig aktiv' });
    app.clock.advance(20 * DAY_MS);
    let client = await fresh(app, anna);
    const later = await openCase({ ...anna, client }, { reference: 'Lukket senere' });
    expect((await client.patch(`/clients/${later.id}`, { status: 'closed' })).status).toBe(200);

    // Day 29 after closing: still there, and the coordinator can export it first.
    app.clock.set(new Date(NOW.getTime() + 29 * DAY_MS));
    expect(await scheduler.tick()).toContain(CASE_JOBS.retention);
    client = await fresh(app, anna);
    expect((await client.get(`/clients/${expiring.id}/export`)).status).toBe(200);

    app.clock.set(new Date(NOW.getTime() + 30 * DAY_MS + 60_000));
    expect(await scheduler.tick()).toContain(CASE_JOBS.retention);
    client = await fresh(app, anna);
    expect((await client.get(`/clients/${expiring.id}`)).status).toBe(404);
    const ids = (await client.get('/clients')).body.items.map((c: { id: string }) => c.id);
    expect(ids.sort()).toEqual([reopened.id, active.id, later.id].sort());
    for (const table of ['client_tasks', 'client_screenings', 'client_coordinators']) {
      const [row] = await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE client_id = ?`, [expiring.id]);
      expect({ table, n: Number(row.n) }).toEqual({ table, n: 0 });
    }
    expect((await auditOf(await signInAdmin(app), 'client.purged')).map((e) => e.subjectId)).toEqual([expiring.id]);
    // The reference is free again.
    expect((await client.post('/clients', { reference: 'Lukket længe 1' })).status).toBe(201);

    app.clock.set(new Date(NOW.getTime() + 50 * DAY_MS + 60_000));
    expect(await scheduler.tick()).toContain(CASE_JOBS.retention);
    client = await fresh(app, anna);
    expect((await client.get(`/clients/${later.id}`)).status).toBe(404);
    expect((await client.get(`/clients/${reopened.id}`)).status).toBe(200);
  });
});
