import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { CASE_JOBS } from '../../api/src/modules/clients/case-jobs';
import { createCoordinator, freezeClock, openCase } from '../support/client-fixtures';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import { createGroupFixture } from '../support/groups';
import { binaryBody } from '../support/pdf';
import { signIn, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

const NOW = new Date('2027-03-09T10:00:00.000Z');

/**
 * TESTING.md "No plain text in the database": a stolen copy of every file the database keeps
 * holds no case reference, task text, owner name, note or screening answer of case work.
 */
describe('case work at rest (attacks on a stolen database)', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('keeps the reference, task texts, notes and answers only sealed', async () => {
    app = await startTestApp();
    freezeClock(app, NOW);
    const admin = await signInAdmin(app);
    const coordinator = await createCoordinator(app, admin, 'Kanariefugl Koordinator');
    const secrets = {
      reference: 'Sagsnr ZQ-55123 Birgitte Thorsager',
      taskTitle: 'Hemmelig adresse hos Folkeregistret',
      ownerName: 'Vicepolitiinspektør Gormsen',
      taskNote: 'Arbejder på Vestervold om natten',
      changedNote: 'Første udkast med Kattesundet',
      screeningNote: 'Truede med at brænde bilen af',
    };
    const opened = await openCase(coordinator, { reference: secrets.reference, nextReviewOn: '2027-03-09' });
    const task = await coordinator.client.post(`/clients/${opened.id}/tasks`, {
      title: secrets.taskTitle,
      owner: 'police',
      ownerName: secrets.ownerName,
      dueOn: '2027-03-09',
      note: secrets.changedNote,
    });
    expect(task.status).toBe(201);
    expect(
      (await coordinator.client.patch(`/clients/${opened.id}/tasks/${task.body.id}`, { note: secrets.taskNote }))
        .status,
    ).toBe(200);
    const screening = await coordinator.client.post(`/clients/${opened.id}/screenings`, {
      instrument: 'SASH',
      screenedOn: '2027-03-01',
      answers: { '17b': 'unknown', '3': 'yes', '9': 'no' },
      riskLevel: 'high',
      note: secrets.screeningNote,
      rescreenOn: '2027-03-09',
    });
    expect(screening.status).toBe(201);
    // A referral with the same reference (linked by keyed hash), reminders, reads and both files.
    const fixture = await createGroupFixture(app, admin, { name: 'Kanariefuglen' });
    expect(
      (
        await fixture.coordinator.client.post('/referrals', {
          groupId: fixture.groupId,
          clientReference: secrets.reference,
        })
      ).status,
    ).toBe(201);
    app.clock.advance(60_000);
    expect(await app.app.get(JobScheduler).tick()).toContain(CASE_JOBS.reminders);
    const client = await signIn(app, coordinator.login, coordinator.password);
    expect((await client.get(`/clients/${opened.id}`)).body.reference).toBe(secrets.reference);
    expect((await client.get(`/clients/${opened.id}/plan.pdf`).buffer(true).parse(binaryBody)).status).toBe(200);
    expect((await client.get(`/clients/${opened.id}/export`)).status).toBe(200);
    const [reminders] = await app.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE account_id = ?', [
      coordinator.id,
    ]);
    expect(Number(reminders.n)).toBe(3);

    const bytes = await readAllStoredBytes(app.dataSource, app.dataDir);
    // The scan works: names stored in plain text on purpose are found in the same bytes.
    expect(containsText(bytes, 'Kanariefugl Koordinator')).toBe(true);
    expect(containsText(bytes, 'Kanariefuglen')).toBe(true);
    for (const secret of Object.values(secrets))
      expect({ secret, found: containsText(bytes, secret) }).toEqual({ secret, found: false });
    for (const fragment of [
      'ZQ-55123',
      'zq55123',
      'Thorsager',
      'thorsager',
      'Folkeregistret',
      'Gormsen',
      'Vestervold',
      'Kattesundet',
      'brænde bilen',
    ]) {
      expect({ fragment, found: containsText(bytes, fragment) }).toEqual({ fragment, found: false });
    }
    // Answers: neither as the JSON sent nor as item/answer pairs.
    for (const fragment of ['"17b":"unknown"', '"17b"', '"3":"yes"']) {
      expect({ fragment, found: containsText(bytes, fragment) }).toEqual({ fragment, found: false });
    }
  });
});
