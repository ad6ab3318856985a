import { randomUUID } from 'node:crypto';
import { auditOf, createCoordinator, freezeClock, openCase, type Coordinator } from '../support/client-fixtures';
import { createParticipant } from '../support/participants';
import { type Client, createStaff, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const NOW = new Date('2027-03-09T10:00:00.000Z');
const REFERENCE = 'Hemmelig-sag 31337 Mortensen';
const TASK_TITLE = 'Skjult adresse via Folkeregistret';
const TASK_NOTE = 'Bor midlertidigt hos søsteren i Ribe';

type Call = (client: Client) => Promise<{ status: number; body: unknown; text: string }>;

/**
 * Case work is the case's own coordinators' alone (CONTRACT "Case work for coordinators"):
 * participants, facilitators, admins and other coordinators get the 404 of a case that does not
 * exist on every `/clients` route, before their body is read; the only thing another coordinator
 * learns is that a reference is taken, through a 409 that names nobody, is audited and throttled.
 */
describe('case work attacks', () => {
  let app: TestApp;
  let admin: Client;
  let owner: Coordinator;
  let caseId: string;
  let taskId: string;
  const outsiders: { who: string; client: Client }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    freezeClock(app, NOW);
    admin = await signInAdmin(app);
    owner = await createCoordinator(app, admin, 'Ejer Else');
    const opened = await openCase(owner, { reference: REFERENCE, nextReviewOn: '2027-04-01' });
    caseId = opened.id;
    taskId = (
      await owner.client.post(`/clients/${caseId}/tasks`, { title: TASK_TITLE, owner: 'police', note: TASK_NOTE })
    ).body.id;
    await owner.client.post(`/clients/${caseId}/screenings`, {
      instrument: 'S-DASH',
      screenedOn: '2027-03-01',
      answers: { '1': 'yes' },
      riskLevel: 'high',
    });
    outsiders.push({ who: 'a participant', client: (await createParticipant(app)).client });
    outsiders.push({
      who: 'a facilitator',
      client: (await createStaff(app, admin, 'facilitator', 'case.attack.fac')).client,
    });
    outsiders.push({ who: 'an admin', client: admin });
    outsiders.push({
      who: 'another coordinator',
      client: (await createCoordinator(app, admin, 'Anden Anders')).client,
    });
  });
  afterAll(() => app.close());

  /** Every route on one case, with a valid body and with a broken one (404 must come before 400). */
  function routesOn(id: string, task: string): [string, Call][] {
    const routes: [string, Call][] = [
      ['GET /clients/:id', (c) => c.get(`/clients/${id}`)],
      ['PATCH /clients/:id', (c) => c.patch(`/clients/${id}`, { status: 'closed' })],
      ['PATCH /clients/:id (bad body)', (c) => c.patch(`/clients/${id}`, { status: 42, extra: true })],
      ['POST /clients/:id/coordinators', (c) => c.post(`/clients/${id}/coordinators`, { accountId: randomUUID() })],
      ['POST /clients/:id/coordinators (bad body)', (c) => c.post(`/clients/${id}/coordinators`, { accountId: 'me' })],
      ['DELETE /clients/:id/coordinators/:accountId', (c) => c.delete(`/clients/${id}/coordinators/${owner.id}`)],
      ['POST /clients/:id/tasks', (c) => c.post(`/clients/${id}/tasks`, { title: 'Overtaget', owner: 'other' })],
      ['POST /clients/:id/tasks (bad body)', (c) => c.post(`/clients/${id}/tasks`, {})],
      ['PATCH /clients/:id/tasks/:taskId', (c) => c.patch(`/clients/${id}/tasks/${task}`, { status: 'dropped' })],
      ['PATCH /clients/:id/tasks/:taskId (bad body)', (c) => c.patch(`/clients/${id}/tasks/${task}`, { title: null })],
      ['DELETE /clients/:id/tasks/:taskId', (c) => c.delete(`/clients/${id}/tasks/${task}`)],
      [
        'POST /clients/:id/screenings',
        (c) =>
          c.post(`/clients/${id}/screenings`, {
            instrument: 'SASH',
            screenedOn: '2027-03-02',
            answers: { '1': 'no' },
            riskLevel: 'standard',
          }),
      ],
      ['POST /clients/:id/screenings (bad body)', (c) => c.post(`/clients/${id}/screenings`, { answers: 'all yes' })],
      ['GET /clients/:id/screenings', (c) => c.get(`/clients/${id}/screenings`)],
      ['GET /clients/:id/plan.pdf', (c) => c.get(`/clients/${id}/plan.pdf`)],
      ['GET /clients/:id/export', (c) => c.get(`/clients/${id}/export`)],
    ];
    return routes;
  }

  const expectLikeMissing = async (who: string, route: string, call: Call, client: Client) => {
    const missing = routesOn(randomUUID(), randomUUID()).find(([name]) => name === route)![1];
    const [real, absent] = [await call(client), await missing(client)];
    expect({ who, route, status: real.status, body: real.body }).toEqual({
      who,
      route,
      status: 404,
      body: absent.body,
    });
    expect(absent.status).toBe(404);
    expect(real.text).not.toContain('Hemmelig');
    expect(real.text).not.toContain(owner.id);
  };

  it.each(['a participant', 'a facilitator', 'an admin', 'another coordinator'])(
    "%s gets the 404 of a missing case on every route of someone else's case",
    async (who) => {
      const client = outsiders.find((o) => o.who === who)!.client;
      for (const [route, call] of routesOn(caseId, taskId)) await expectLikeMissing(who, route, call, client);
    },
  );

  it.each(['a participant', 'a facilitator', 'an admin'])(
    '%s gets 404 on the case collection too (list and create)',
    async (who) => {
      const client = outsiders.find((o) => o.who === who)!.client;
      for (const res of [
        await client.get('/clients'),
        await client.post('/clients', { reference: 'Ny sag' }),
        await client.post('/clients', {}),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      }
    },
  );

  it('leaves the case exactly as it was after all those attempts', async () => {
    const view = await owner.client.get(`/clients/${caseId}`);
    expect(view.body).toMatchObject({
      status: 'active',
      reference: REFERENCE,
      coordinators: [{ accountId: owner.id, role: 'primary' }],
    });
    expect(view.body.tasks).toEqual([
      expect.objectContaining({ id: taskId, title: TASK_TITLE, status: 'open', note: TASK_NOTE }),
    ]);
    expect((await owner.client.get(`/clients/${caseId}/screenings`)).body.items).toHaveLength(1);
    const otherCoordinator = outsiders.find((o) => o.who === 'another coordinator')!.client;
    expect((await otherCoordinator.get('/clients')).body.items).toEqual([]);
  });

  it('lets another coordinator learn only that a reference is taken: a 409 naming nobody, audited', async () => {
    const prober = await createCoordinator(app, admin, 'Prober Palle');
    const taken = await prober.client.post('/clients', { reference: 'hemmelig sag 31337 MORTENSEN' });
    const otherTaken = await openCase(owner, { reference: 'Anden sag 42' });
    const takenToo = await prober.client.post('/clients', { reference: 'Anden sag 42' });
    expect(otherTaken.id).toBeDefined();
    expect(taken.status).toBe(409);
    // The same bytes whichever case holds the reference and whoever owns it.
    expect(taken.body).toEqual(takenToo.body);
    expect(taken.body).toEqual({ code: 'CONFLICT', message: expect.any(String) });
    expect(taken.text).not.toMatch(/Else|Hemmelig|31337/);
    expect(taken.text).not.toContain(caseId);
    expect(taken.text).not.toContain(owner.id);
    const audited = (await auditOf(admin, 'client.reference-taken')).filter((e) => e.actorId === prober.id);
    expect(audited.map((e) => e.subjectId).sort()).toEqual([caseId, otherTaken.id].sort());
  });

  it('throttles probing: after 20 taken references in an hour even a free one gets 429, for that coordinator only', async () => {
    const prober = await createCoordinator(app, admin, 'Prober Per');
    // Successes do not count.
    for (let i = 0; i < 3; i++)
      expect((await prober.client.post('/clients', { reference: `Egen sag ${i}` })).status).toBe(201);
    for (let i = 0; i < 20; i++)
      expect((await prober.client.post('/clients', { reference: REFERENCE })).status).toBe(409);
    const blocked = await prober.client.post('/clients', { reference: 'Helt ny reference' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await prober.client.post('/clients', { reference: REFERENCE })).status).toBe(429);
    // Another coordinator is not affected.
    expect((await owner.client.post('/clients', { reference: 'Ejerens nye sag' })).status).toBe(201);
  });

  it('keeps reads in the audit trail without any of the content', async () => {
    await owner.client.get(`/clients/${caseId}`);
    await owner.client.get(`/clients/${caseId}/export`);
    const reads = (await auditOf(admin, 'client.read')).filter((e) => e.subjectId === caseId);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((e) => e.actorId === owner.id)).toBe(true);
    const everything = await admin.get('/admin/audit');
    expect(everything.status).toBe(200);
    expect(everything.text).toContain('client.read');
    for (const secret of ['Hemmelig', '31337', 'Mortensen', 'Folkeregistret', 'Ribe'])
      expect(everything.text).not.toContain(secret);
    const [stored] = await app.dataSource.query(
      'SELECT COUNT(*) AS n FROM audit_events WHERE type = ? AND subject_id = ?',
      ['client.read', caseId],
    );
    expect(Number(stored.n)).toBe(reads.length);
  });

  it('refuses to show a task title or a reference moved to another row, never the other row’s text, never a 500', async () => {
    const other = await openCase(owner, { reference: 'Flyttet reference 77' });
    const otherTask = (await owner.client.post(`/clients/${other.id}/tasks`, { title: 'Anden opgave', owner: 'dsc' }))
      .body.id;
    const swap = async (table: string, column: string, a: string, b: string) => {
      const [ra] = await app.dataSource.query(`SELECT ${column} AS v FROM ${table} WHERE id = ?`, [a]);
      const [rb] = await app.dataSource.query(`SELECT ${column} AS v FROM ${table} WHERE id = ?`, [b]);
      await app.dataSource.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [rb.v, a]);
      await app.dataSource.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [ra.v, b]);
    };
    await swap('client_tasks', 'title_sealed', taskId, otherTask);
    await swap('client_cases', 'reference_sealed', caseId, other.id);
    for (const [id, foreign] of [
      [caseId, 'Anden opgave'],
      [other.id, TASK_TITLE],
    ]) {
      const res = await owner.client.get(`/clients/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.reference).toBeNull();
      expect(res.body.tasks[0].title).toBeNull();
      expect(res.text).not.toContain(foreign);
    }
    expect(JSON.stringify((await owner.client.get(`/clients/${caseId}`)).body)).not.toContain('Flyttet');
    expect((await owner.client.get(`/clients/${caseId}/plan.pdf`)).status).toBe(200);
    await swap('client_tasks', 'title_sealed', taskId, otherTask);
    await swap('client_cases', 'reference_sealed', caseId, other.id);
    expect((await owner.client.get(`/clients/${caseId}`)).body.reference).toBe(REFERENCE);
  });

  it("answers an admin's reassign with a count only", async () => {
    const successor = await createCoordinator(app, admin, 'Efterfølger Eva');
    const res = await admin.post('/admin/clients/reassign', { fromAccountId: owner.id, toAccountId: successor.id });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['moved']);
    expect(res.body.moved).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/Hemmelig|Folkeregistret/);
    expect((await owner.client.get(`/clients/${caseId}`)).status).toBe(404);
  });
});
