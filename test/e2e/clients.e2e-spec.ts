import { auditOf, createCoordinator, freezeClock, openCase, type Coordinator } from '../support/client-fixtures';
import { createGroupFixture } from '../support/groups';
import { binaryBody, parsePdf } from '../support/pdf';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

// Tuesday 9 March 2027, 11:00 in Copenhagen: "today" for case work is 2027-03-09.
const NOW = new Date('2027-03-09T10:00:00.000Z');
const TODAY = '2027-03-09';

describe('case work: cases, plan, screenings, linked referrals and files', () => {
  let app: TestApp;
  let admin: Client;
  let anna: Coordinator;
  let bo: Coordinator;

  beforeAll(async () => {
    app = await startTestApp();
    freezeClock(app, NOW);
    admin = await signInAdmin(app);
    anna = await createCoordinator(app, admin, 'Anna Koordinator');
    bo = await createCoordinator(app, admin, 'Bo Stedfortræder');
  });
  afterAll(() => app.close());

  describe('opening and reading a case', () => {
    it('opens a case with the caller as primary, and shows it only in their own list', async () => {
      const res = await anna.client.post('/clients', { reference: 'Sag 2027-0042', nextReviewOn: '2027-04-01' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reference: 'Sag 2027-0042',
        status: 'active',
        primary: { accountId: anna.id, displayName: 'Anna Koordinator' },
        coordinators: [
          { accountId: anna.id, displayName: 'Anna Koordinator', role: 'primary', since: NOW.toISOString() },
        ],
        nextReviewOn: '2027-04-01',
        reviewDue: false,
        rescreenDue: false,
        overdueTasks: 0,
        latestScreening: null,
        referrals: [],
        tasks: [],
        myRole: 'primary',
        closedAt: null,
        purgeOn: null,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      const mine = await anna.client.get('/clients');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
      expect(mine.body.nextCursor).toBeNull();
      const others = await bo.client.get('/clients');
      expect(others.body.items.map((c: { id: string }) => c.id)).not.toContain(res.body.id);

      const one = await anna.client.get(`/clients/${res.body.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(res.body);
    });

    it('refuses a reference that is already a case, in any spelling, with a 409 that names nobody', async () => {
      await openCase(anna, { reference: 'KX-77812 Jensen' });
      const again = await bo.client.post('/clients', { reference: '  kx 77812 jensen ' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ code: 'CONFLICT', message: expect.any(String) });
      expect(again.text).not.toMatch(/Anna|anna|KX-77812/);
      expect(again.text).not.toContain(anna.id);
      // The owner gets the same answer: the 409 does not depend on who holds the case.
      const own = await anna.client.post('/clients', { reference: 'KX-77812 JENSEN' });
      expect(own.status).toBe(409);
      expect(own.body).toEqual(again.body);
    });

    it('validates the body: reference required, 1–200 characters, dates as YYYY-MM-DD, no unknown fields', async () => {
      for (const body of [
        {},
        { reference: '' },
        { reference: 'x'.repeat(201) },
        { reference: 'Sag 1', nextReviewOn: '2027-02-30' },
        { reference: 'Sag 1', nextReviewOn: '1/4/2027' },
        { reference: 'Sag 1', primary: bo.id },
        { reference: '---' },
      ]) {
        const res = await anna.client.post('/clients', body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION' });
      }
    });

    it('closes and reopens a case; a closed case refuses changes to its plan until reopened', async () => {
      const opened = await openCase(anna);
      const closed = await anna.client.patch(`/clients/${opened.id}`, { status: 'closed' });
      expect(closed.status).toBe(200);
      // Deleted CASE_RETENTION_DAYS (default 1825) after closing.
      expect(closed.body).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), purgeOn: '2032-03-07' });
      expect(
        (await anna.client.post(`/clients/${opened.id}/tasks`, { title: 'Ring til politiet', owner: 'police' })).status,
      ).toBe(409);
      expect(
        (
          await anna.client.post(`/clients/${opened.id}/screenings`, {
            instrument: 'SASH',
            screenedOn: TODAY,
            answers: { '1': 'no' },
            riskLevel: 'standard',
          })
        ).status,
      ).toBe(409);
      expect((await anna.client.get('/clients?status=closed')).body.items.map((c: { id: string }) => c.id)).toEqual([
        opened.id,
      ]);
      expect(
        (await anna.client.get('/clients?status=active')).body.items.map((c: { id: string }) => c.id),
      ).not.toContain(opened.id);
      expect((await anna.client.get('/clients?status=open')).status).toBe(400);

      const reopened = await anna.client.patch(`/clients/${opened.id}`, {
        status: 'active',
        nextReviewOn: '2027-05-01',
      });
      expect(reopened.body).toMatchObject({ status: 'active', closedAt: null, purgeOn: null, nextReviewOn: '2027-05-01' });
      const cleared = await anna.client.patch(`/clients/${opened.id}`, { nextReviewOn: null });
      expect(cleared.body.nextReviewOn).toBeNull();
      expect((await anna.client.patch(`/clients/${opened.id}`, { status: null })).status).toBe(400);
      expect((await anna.client.patch(`/clients/${opened.id}`, { status: 'archived' })).status).toBe(400);
    });

    it('audits every read as client.read with ids only', async () => {
      const opened = await openCase(anna, { reference: 'Audit-sag 55' });
      await anna.client.get(`/clients/${opened.id}`);
      await anna.client.get(`/clients/${opened.id}/screenings`);
      const reads = (await auditOf(admin, 'client.read')).filter((e) => e.subjectId === opened.id);
      expect(reads).toHaveLength(2);
      expect(reads.every((e) => e.actorId === anna.id)).toBe(true);
    });
  });

  describe('coordinators', () => {
    it('lists the active coordinators by name and id, never a login, to coordinators only', async () => {
      const res = await anna.client.get('/coordinators');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          { accountId: anna.id, displayName: 'Anna Koordinator' },
          { accountId: bo.id, displayName: 'Bo Stedfortræder' },
        ]),
      );
      expect(res.text).not.toContain(anna.login);
      const gone = await createCoordinator(app, admin, 'Gone Coordinator');
      expect((await admin.post(`/admin/staff/${gone.id}/disable`)).status).toBe(200);
      expect((await anna.client.get('/coordinators')).text).not.toContain(gone.id);
      expect((await admin.get('/coordinators')).status).toBe(403);
    });
  });

  describe('the action plan', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = (await openCase(anna)).id;
    });

    it('adds a task with defaults and answers the contract shape', async () => {
      const res = await anna.client.post(`/clients/${caseId}/tasks`, {
        title: 'Aftale om kontaktperson hos politiet',
        owner: 'police',
        ownerName: 'Kontaktperson, Syd- og Sønderjyllands Politi',
        dueOn: '2027-03-20',
        note: 'Ring efter kl. 10',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        title: 'Aftale om kontaktperson hos politiet',
        owner: 'police',
        ownerName: 'Kontaktperson, Syd- og Sønderjyllands Politi',
        dueOn: '2027-03-20',
        status: 'open',
        note: 'Ring efter kl. 10',
        overdue: false,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      const minimal = await anna.client.post(`/clients/${caseId}/tasks`, { title: 'Henvis til DSC', owner: 'dsc' });
      expect(minimal.body).toMatchObject({ ownerName: null, dueOn: null, note: null, status: 'open' });
    });

    it('orders tasks by due date, undated last, and marks unfinished past-due ones overdue', async () => {
      const id = (await openCase(anna)).id;
      const add = (title: string, dueOn?: string, status?: string) =>
        anna.client.post(`/clients/${id}/tasks`, {
          title,
          owner: 'municipality',
          ...(dueOn ? { dueOn } : {}),
          ...(status ? { status } : {}),
        });
      await add('Uden dato');
      await add('Senere', '2027-04-10');
      await add('Forsinket', '2027-03-01');
      await add('Forsinket men udført', '2027-03-02', 'done');
      await add('I dag', TODAY, 'doing');
      const res = await anna.client.get(`/clients/${id}`);
      expect(res.body.tasks.map((t: { title: string }) => t.title)).toEqual([
        'Forsinket',
        'Forsinket men udført',
        'I dag',
        'Senere',
        'Uden dato',
      ]);
      expect(
        res.body.tasks.filter((t: { overdue: boolean }) => t.overdue).map((t: { title: string }) => t.title),
      ).toEqual(['Forsinket']);
      expect(res.body.overdueTasks).toBe(1);
    });

    it('changes a task, clears optional fields with null, and deletes it', async () => {
      const created = await anna.client.post(`/clients/${caseId}/tasks`, {
        title: 'Sikkerhedsplan',
        owner: 'municipality',
        ownerName: 'Sagsbehandler',
        dueOn: '2027-03-15',
        note: 'Foreløbig',
      });
      app.clock.set(new Date(NOW.getTime() + 60_000));
      const changed = await anna.client.patch(`/clients/${caseId}/tasks/${created.body.id}`, {
        status: 'doing',
        ownerName: null,
        note: null,
        dueOn: '2027-03-18',
        owner: 'health',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        title: 'Sikkerhedsplan',
        owner: 'health',
        ownerName: null,
        note: null,
        dueOn: '2027-03-18',
        status: 'doing',
        updatedAt: new Date(NOW.getTime() + 60_000).toISOString(),
      });
      app.clock.set(NOW);
      for (const body of [
        { title: null },
        { title: '' },
        { status: 'finished' },
        { owner: 'neighbour' },
        { dueOn: 'tomorrow' },
        { extra: 1 },
      ]) {
        expect((await anna.client.patch(`/clients/${caseId}/tasks/${created.body.id}`, body)).status).toBe(400);
      }
      expect((await anna.client.delete(`/clients/${caseId}/tasks/${created.body.id}`)).status).toBe(204);
      expect((await anna.client.delete(`/clients/${caseId}/tasks/${created.body.id}`)).status).toBe(404);
      const after = await anna.client.get(`/clients/${caseId}`);
      expect(after.body.tasks.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    });

    it("treats another case's task id as unknown", async () => {
      const other = await openCase(anna);
      const task = await anna.client.post(`/clients/${other.id}/tasks`, { title: 'Andet', owner: 'other' });
      expect((await anna.client.patch(`/clients/${caseId}/tasks/${task.body.id}`, { status: 'done' })).status).toBe(
        404,
      );
      expect((await anna.client.delete(`/clients/${caseId}/tasks/${task.body.id}`)).status).toBe(404);
      expect((await anna.client.get(`/clients/${other.id}`)).body.tasks[0].status).toBe('open');
    });

    it('validates a new task', async () => {
      for (const body of [
        { owner: 'police' },
        { title: 'x', owner: 'police', status: 'late' },
        { title: 'x', owner: 'neighbour' },
        { title: 'x'.repeat(201), owner: 'police' },
        { title: 'x', owner: 'police', note: 'y'.repeat(4001) },
        { title: 'bad\u0007bell', owner: 'police' },
      ]) {
        expect((await anna.client.post(`/clients/${caseId}/tasks`, body)).status).toBe(400);
      }
    });
  });

  describe('screenings', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = (await openCase(anna)).id;
    });

    it('defaults the re-screen date to 90 days later, 30 when the risk is high, and keeps one given', async () => {
      const standard = await anna.client.post(`/clients/${caseId}/screenings`, {
        instrument: 'S-DASH',
        screenedOn: '2027-01-05',
        answers: { '1': 'yes', '2': 'no', '3': 'unknown' },
        riskLevel: 'medium',
      });
      expect(standard.status).toBe(201);
      expect(standard.body).toEqual({
        id: expect.any(String),
        instrument: 'S-DASH',
        screenedOn: '2027-01-05',
        answers: { '1': 'yes', '2': 'no', '3': 'unknown' },
        riskLevel: 'medium',
        note: null,
        rescreenOn: '2027-04-05',
        screenerDisplayName: 'Anna Koordinator',
        createdAt: NOW.toISOString(),
      });
      const high = await anna.client.post(`/clients/${caseId}/screenings`, {
        instrument: 'SASH',
        screenedOn: '2027-02-20',
        answers: { '12b': 'yes' },
        riskLevel: 'high',
        note: 'Trusler mod børnene',
      });
      expect(high.body).toMatchObject({ rescreenOn: '2027-03-22', note: 'Trusler mod børnene', riskLevel: 'high' });
      const chosen = await anna.client.post(`/clients/${caseId}/screenings`, {
        instrument: 'other',
        screenedOn: '2027-03-01',
        answers: { '4': 'no' },
        riskLevel: 'standard',
        rescreenOn: '2027-03-08',
      });
      expect(chosen.body.rescreenOn).toBe('2027-03-08');
    });

    it('keeps a history newest first, and the case shows the latest and whether it is due again', async () => {
      const history = await anna.client.get(`/clients/${caseId}/screenings`);
      expect(history.status).toBe(200);
      expect(
        history.body.items.map((s: { riskLevel: string; screenedOn: string }) => [s.screenedOn, s.riskLevel]),
      ).toEqual([
        ['2027-03-01', 'standard'],
        ['2027-02-20', 'high'],
        ['2027-01-05', 'medium'],
      ]);
      const view = await anna.client.get(`/clients/${caseId}`);
      expect(view.body.latestScreening).toEqual({
        id: history.body.items[0].id,
        instrument: 'other',
        screenedOn: '2027-03-01',
        riskLevel: 'standard',
        rescreenOn: '2027-03-08',
      });
      // 2027-03-08 is before today (2027-03-09).
      expect(view.body.rescreenDue).toBe(true);
    });

    it('refuses answers that are not item numbers mapped to yes/no/unknown, a future date, and a re-screen before the screening', async () => {
      const base = { instrument: 'S-DASH', screenedOn: TODAY, riskLevel: 'standard' };
      for (const body of [
        { ...base, answers: {} },
        { ...base, answers: { '1': 'maybe' } },
        { ...base, answers: { 'Is the victim very frightened?': 'yes' } },
        { ...base, answers: ['yes'] },
        { ...base, answers: Object.fromEntries(Array.from({ length: 61 }, (_, i) => [String(i + 1), 'no'])) },
        { ...base, answers: { '1': 'yes' }, screenedOn: '2027-03-10' },
        { ...base, answers: { '1': 'yes' }, rescreenOn: TODAY },
        { ...base, answers: { '1': 'yes' }, riskLevel: 'extreme' },
        { ...base, answers: { '1': 'yes' }, instrument: 'DASH' },
      ]) {
        const res = await anna.client.post(`/clients/${caseId}/screenings`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
    });
  });

  describe('linked referrals', () => {
    it("links the referrals with the case's reference made by its coordinators, and no one else's", async () => {
      const fixture = await createGroupFixture(app, admin);
      const carl = fixture.coordinator;
      const ownCase = await openCase(anna, { reference: 'Henvist 9001' });
      const refer = async (client: Client, clientReference: string) => {
        const res = await client.post('/referrals', { groupId: fixture.groupId, clientReference });
        expect(res.status).toBe(201);
        return res.body.referral.id as string;
      };
      const byAnna = await refer(anna.client, 'henvist-9001');
      const byCarlBefore = await refer(carl.client, 'Henvist 9001');
      await refer(anna.client, 'Henvist 9002');
      let view = await anna.client.get(`/clients/${ownCase.id}`);
      expect(view.body.referrals.map((r: { id: string }) => r.id)).toEqual([byAnna]);
      expect(view.body.referrals[0]).toMatchObject({
        groupId: fixture.groupId,
        status: 'issued',
        clientReference: 'henvist-9001',
      });

      // Carl becomes a stand-in: his referrals with this reference now belong to the case too.
      expect((await anna.client.post(`/clients/${ownCase.id}/coordinators`, { accountId: carl.id })).status).toBe(201);
      view = await anna.client.get(`/clients/${ownCase.id}`);
      expect(view.body.referrals.map((r: { id: string }) => r.id).sort()).toEqual([byAnna, byCarlBefore].sort());
    });
  });

  describe('files', () => {
    let caseId: string;
    const reference = 'Plan-reference 4711';

    beforeAll(async () => {
      caseId = (await openCase(anna, { reference, nextReviewOn: '2027-04-15' })).id;
      expect((await anna.client.post(`/clients/${caseId}/coordinators`, { accountId: bo.id })).status).toBe(201);
      await anna.client.post(`/clients/${caseId}/screenings`, {
        instrument: 'S-DASH',
        screenedOn: '2027-03-01',
        answers: { '1': 'yes', '7': 'no' },
        riskLevel: 'high',
      });
      // Enough tasks for several pages.
      for (let i = 1; i <= 40; i++) {
        await anna.client.post(`/clients/${caseId}/tasks`, {
          title: `Opgave nummer ${i}`,
          owner: i % 2 === 0 ? 'police' : 'dsc',
          ownerName: i === 1 ? 'Kontaktperson Politi' : undefined,
          dueOn: `2027-04-${String((i % 28) + 1).padStart(2, '0')}`,
          note: `Note til opgave ${i}: ${'en længere tekst '.repeat(6)}`,
        });
      }
    });

    it('exports the plan as a PDF: neutral name and title, a header on every page without the word, the reference on the first page only', async () => {
      const res = await anna.client.get(`/clients/${caseId}/plan.pdf`).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="plan-${TODAY}.pdf"`);
      const pdf = parsePdf(res.body as Buffer);
      expect(pdf.info.Title).toBe('Plan');
      expect(pdf.pages.length).toBeGreaterThan(1);
      pdf.pages.forEach((page, i) => {
        const header = page.split('\n').find((line) => line.startsWith('Handleplan · side'));
        expect(header).toBe(`Handleplan · side ${i + 1} af ${pdf.pages.length}`);
        expect(header!.toLowerCase()).not.toContain('stalking');
      });
      expect(pdf.pages[0]).toContain(reference);
      for (const page of pdf.pages.slice(1)) expect(page).not.toContain('4711');
      expect(pdf.text).toContain('Anna Koordinator');
      expect(pdf.text).toContain('Bo Stedfortræder');
      expect(pdf.text).toContain('Politiet');
      expect(pdf.text).toContain('Kontaktperson Politi');
      expect(pdf.text).toContain('Opgave nummer 40');
      expect(pdf.text).toContain('høj risiko');
      expect(pdf.text).toContain('31. marts 2027');
      expect(pdf.text).toContain('15. april 2027');
      // Within an owner, by due date: task 28 (due 1 April) before task 2 (due 3 April).
      expect(pdf.text.indexOf('Opgave nummer 28\n')).toBeLessThan(pdf.text.indexOf('Opgave nummer 2\n'));
    });

    it('writes the PDF in English when asked', async () => {
      const res = await anna.client.get(`/clients/${caseId}/plan.pdf?lang=en`).buffer(true).parse(binaryBody);
      const pdf = parsePdf(res.body as Buffer);
      expect(pdf.pages[0]).toContain('Action plan · page 1 of');
      expect(pdf.text).toContain('The police');
      expect(pdf.text).toContain('high risk');
      expect((await anna.client.get(`/clients/${caseId}/plan.pdf?lang=de`)).status).toBe(400);
    });

    it('exports the whole case as JSON, decrypted, with the screenings and their answers', async () => {
      const res = await bo.client.get(`/clients/${caseId}/export`).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="export-${TODAY}.json"`);
      const data = JSON.parse((res.body as Buffer).toString('utf8'));
      expect(data.exportedAt).toBe(NOW.toISOString());
      expect(data.client).toMatchObject({ id: caseId, reference, myRole: 'stand-in' });
      expect(data.client.tasks).toHaveLength(40);
      expect(data.screenings).toEqual([
        expect.objectContaining({ answers: { '1': 'yes', '7': 'no' }, riskLevel: 'high' }),
      ]);
      const reads = (await auditOf(admin, 'client.read')).filter((e) => e.subjectId === caseId && e.actorId === bo.id);
      expect(reads).toHaveLength(1);
    });
  });
});
