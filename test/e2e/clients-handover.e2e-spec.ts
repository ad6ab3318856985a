import { auditOf, createCoordinator, freezeClock, openCase, type Coordinator } from '../support/client-fixtures';
import { type Client, createStaff, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const NOW = new Date('2027-03-09T10:00:00.000Z');
const MINUTE_MS = 60_000;

/** Who holds a case: stand-ins, a primary who leaves (disabled or deleted), and an admin's reassign. */
describe('case work: stand-ins, takeover and reassign', () => {
  let app: TestApp;
  let admin: Client;

  beforeAll(async () => {
    app = await startTestApp();
    freezeClock(app, NOW);
    admin = await signInAdmin(app);
  });
  afterAll(() => app.close());

  const roles = (body: { coordinators: { displayName: string; role: string }[] }) =>
    body.coordinators.map((c) => `${c.role}:${c.displayName}`);

  describe('stand-ins', () => {
    let primary: Coordinator;
    let standIn: Coordinator;
    let caseId: string;

    beforeAll(async () => {
      primary = await createCoordinator(app, admin, 'Primær Pia');
      standIn = await createCoordinator(app, admin, 'Stand-in Sune');
      caseId = (await openCase(primary, { reference: 'Sag med stedfortræder' })).id;
    });

    it('lets the primary add a stand-in, who then reaches the case and works on its plan', async () => {
      const added = await primary.client.post(`/clients/${caseId}/coordinators`, { accountId: standIn.id });
      expect(added.status).toBe(201);
      expect(roles(added.body)).toEqual(['primary:Primær Pia', 'stand-in:Stand-in Sune']);
      expect(added.body.primary).toEqual({ accountId: primary.id, displayName: 'Primær Pia' });

      const seen = await standIn.client.get(`/clients/${caseId}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ reference: 'Sag med stedfortræder', myRole: 'stand-in' });
      expect((await standIn.client.get('/clients')).body.items.map((c: { id: string }) => c.id)).toContain(caseId);
      expect(
        (await standIn.client.post(`/clients/${caseId}/tasks`, { title: 'Følg op', owner: 'municipality' })).status,
      ).toBe(201);
      expect((await standIn.client.patch(`/clients/${caseId}`, { nextReviewOn: '2027-06-01' })).status).toBe(200);
    });

    it('keeps choosing stand-ins to the primary (403 for a stand-in) and refuses duplicates and non-coordinators', async () => {
      const third = await createCoordinator(app, admin, 'Tredje Tove');
      expect((await standIn.client.post(`/clients/${caseId}/coordinators`, { accountId: third.id })).status).toBe(403);
      expect((await standIn.client.delete(`/clients/${caseId}/coordinators/${standIn.id}`)).status).toBe(403);
      expect((await primary.client.post(`/clients/${caseId}/coordinators`, { accountId: standIn.id })).status).toBe(
        409,
      );
      expect((await primary.client.post(`/clients/${caseId}/coordinators`, { accountId: primary.id })).status).toBe(
        409,
      );
      const facilitator = await createStaff(app, admin, 'facilitator', 'case.facilitator');
      const disabled = await createCoordinator(app, admin, 'Disabled Dan');
      expect((await admin.post(`/admin/staff/${disabled.id}/disable`)).status).toBe(200);
      for (const accountId of [facilitator.id, disabled.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await primary.client.post(`/clients/${caseId}/coordinators`, { accountId });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ field: 'accountId', message: expect.any(String) }]);
      }
      expect((await primary.client.post(`/clients/${caseId}/coordinators`, { accountId: 'not-a-uuid' })).status).toBe(
        400,
      );
      expect((await primary.client.delete(`/clients/${caseId}/coordinators/${primary.id}`)).status).toBe(409);
      expect((await primary.client.delete(`/clients/${caseId}/coordinators/${third.id}`)).status).toBe(404);
    });

    it('takes the case away from a removed stand-in at once: every route is then 404', async () => {
      expect((await primary.client.delete(`/clients/${caseId}/coordinators/${standIn.id}`)).status).toBe(204);
      for (const res of [
        await standIn.client.get(`/clients/${caseId}`),
        await standIn.client.patch(`/clients/${caseId}`, { status: 'closed' }),
        await standIn.client.get(`/clients/${caseId}/screenings`),
        await standIn.client.post(`/clients/${caseId}/tasks`, { title: 'x', owner: 'other' }),
        await standIn.client.get(`/clients/${caseId}/plan.pdf`),
        await standIn.client.get(`/clients/${caseId}/export`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      }
      expect((await standIn.client.get('/clients')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      expect((await primary.client.delete(`/clients/${caseId}/coordinators/${standIn.id}`)).status).toBe(404);
      expect((await auditOf(admin, 'client.stand-in.removed')).map((e) => e.subjectId)).toContain(caseId);
    });
  });

  describe('when the primary coordinator is disabled', () => {
    it('hands the case to the longest-standing active stand-in', async () => {
      const leaving = await createCoordinator(app, admin, 'Leaving Lis');
      const first = await createCoordinator(app, admin, 'First Frida');
      const second = await createCoordinator(app, admin, 'Second Søren');
      const third = await createCoordinator(app, admin, 'Third Tim');
      const caseId = (await openCase(leaving)).id;
      for (const standIn of [first, second, third]) {
        app.clock.advance(MINUTE_MS);
        expect((await leaving.client.post(`/clients/${caseId}/coordinators`, { accountId: standIn.id })).status).toBe(
          201,
        );
      }
      // The longest-standing stand-in is away (disabled): the next one takes over.
      expect((await admin.post(`/admin/staff/${first.id}/disable`)).status).toBe(200);
      expect((await admin.post(`/admin/staff/${leaving.id}/disable`)).status).toBe(200);

      const seen = await second.client.get(`/clients/${caseId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.myRole).toBe('primary');
      expect(seen.body.primary).toEqual({ accountId: second.id, displayName: 'Second Søren' });
      expect(roles(seen.body)).toEqual(['primary:Second Søren', 'stand-in:First Frida', 'stand-in:Third Tim']);
      expect((await auditOf(admin, 'client.primary-changed')).map((e) => e.subjectId)).toContain(caseId);
      // The new primary now chooses the stand-ins.
      expect((await second.client.delete(`/clients/${caseId}/coordinators/${third.id}`)).status).toBe(204);
    });

    it('leaves a case with no stand-in waiting for an admin, who reassigns it without seeing it', async () => {
      const leaving = await createCoordinator(app, admin, 'Alone Alma');
      const successor = await createCoordinator(app, admin, 'Successor Sif');
      const cases = [
        await openCase(leaving, { reference: 'Venter 1' }),
        await openCase(leaving, { reference: 'Venter 2' }),
      ];
      // Sif is already a stand-in on the second case: she becomes its primary, once.
      expect(
        (await leaving.client.post(`/clients/${cases[1].id}/coordinators`, { accountId: successor.id })).status,
      ).toBe(201);
      const other = await createCoordinator(app, admin, 'Other Otto');
      expect((await leaving.client.post(`/clients/${cases[0].id}/coordinators`, { accountId: other.id })).status).toBe(
        201,
      );
      expect((await admin.post(`/admin/staff/${other.id}/disable`)).status).toBe(200);
      expect((await admin.post(`/admin/staff/${leaving.id}/disable`)).status).toBe(200);
      // The first case had only a disabled stand-in: it waits. The second passed to Sif.
      expect((await successor.client.get(`/clients/${cases[0].id}`)).status).toBe(404);
      expect((await successor.client.get(`/clients/${cases[1].id}`)).body.myRole).toBe('primary');

      const coordinator = await createCoordinator(app, admin);
      const refused = await coordinator.client.post('/admin/clients/reassign', {
        fromAccountId: leaving.id,
        toAccountId: coordinator.id,
      });
      expect(refused.status).toBe(403);
      for (const body of [
        { fromAccountId: leaving.id, toAccountId: leaving.id },
        { fromAccountId: leaving.id, toAccountId: other.id },
        {
          fromAccountId: leaving.id,
          toAccountId: (await createStaff(app, admin, 'facilitator', 'not.a.coordinator')).id,
        },
        { fromAccountId: leaving.id },
        { fromAccountId: 'x', toAccountId: successor.id },
      ]) {
        expect((await admin.post('/admin/clients/reassign', body)).status).toBe(400);
      }

      const moved = await admin.post('/admin/clients/reassign', {
        fromAccountId: leaving.id,
        toAccountId: successor.id,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual({ moved: 1 });
      const now = await successor.client.get(`/clients/${cases[0].id}`);
      expect(now.body).toMatchObject({ reference: 'Venter 1', myRole: 'primary' });
      expect(roles(now.body)).toEqual(['primary:Successor Sif', 'stand-in:Other Otto']);
      expect(
        (await admin.post('/admin/clients/reassign', { fromAccountId: leaving.id, toAccountId: successor.id })).body,
      ).toEqual({ moved: 0 });
      expect((await auditOf(admin, 'client.reassigned')).filter((e) => e.subjectId === cases[0].id)).toHaveLength(1);
      // The admin still cannot open the case.
      expect((await admin.get(`/clients/${cases[0].id}`)).status).toBe(404);
    });
  });

  describe('when the primary coordinator deletes their account', () => {
    it('hands the case to the stand-in, and unnames the screenings the leaver did', async () => {
      const leaving = await createCoordinator(app, admin, 'Deleting Dina');
      const standIn = await createCoordinator(app, admin, 'Staying Stig');
      const caseId = (await openCase(leaving, { reference: 'Slettet primær' })).id;
      expect((await leaving.client.post(`/clients/${caseId}/coordinators`, { accountId: standIn.id })).status).toBe(
        201,
      );
      await leaving.client.post(`/clients/${caseId}/screenings`, {
        instrument: 'S-DASH',
        screenedOn: '2027-03-01',
        answers: { '1': 'no' },
        riskLevel: 'standard',
      });
      const exported = await leaving.client.get('/me/export');
      expect(exported.body.clientCases).toEqual([{ clientId: caseId, role: 'primary', since: expect.any(String) }]);
      expect(exported.text).not.toContain('Slettet primær');

      expect((await leaving.client.delete('/me', { password: leaving.password })).status).toBe(204);
      const seen = await standIn.client.get(`/clients/${caseId}`);
      expect(seen.body.myRole).toBe('primary');
      expect(roles(seen.body)).toEqual(['primary:Staying Stig']);
      const screenings = await standIn.client.get(`/clients/${caseId}/screenings`);
      expect(screenings.body.items[0].screenerDisplayName).toBeNull();
      expect(JSON.stringify(seen.body) + screenings.text).not.toContain(leaving.id);
    });

    it("keeps a case with no stand-in for reassign under the audit trail's pseudonym for the leaver", async () => {
      const leaving = await createCoordinator(app, admin, 'Solo Sara');
      const caseId = (await openCase(leaving, { reference: 'Efterladt sag' })).id;
      // The clock is frozen: a minute on, so this deletion is the newest in the audit trail, not tied with the one before.
      app.clock.advance(MINUTE_MS);
      expect((await leaving.client.delete('/me', { password: leaving.password })).status).toBe(204);
      const [deleted] = await auditOf(admin, 'account.deleted');
      expect(deleted.actorId).not.toBe(leaving.id);
      const successor = await createCoordinator(app, admin, 'New Nina');
      const moved = await admin.post('/admin/clients/reassign', {
        fromAccountId: deleted.actorId,
        toAccountId: successor.id,
      });
      expect(moved.body).toEqual({ moved: 1 });
      const seen = await successor.client.get(`/clients/${caseId}`);
      expect(seen.body).toMatchObject({ reference: 'Efterladt sag', myRole: 'primary' });
      const [row] = await app.dataSource.query('SELECT COUNT(*) AS n FROM client_coordinators WHERE account_id = ?', [
        leaving.id,
      ]);
      expect(Number(row.n)).toBe(0);
    });
  });
});
